package news.moderation.service.rulesets;

import news.moderation.service.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;

/**
 * Tells every instance which rule-set versions are in force, through the compacted rule-set topic (key: the
 * rule set, value: its active version). Each instance reads the whole topic in a consumer group of its own
 * from the beginning, so a new instance learns the current state and a running one each change.
 */
@Component
class RuleSetAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(RuleSetAnnouncements.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Topics topics;
    private final ActiveRules active;

    RuleSetAnnouncements(KafkaTemplate<String, byte[]> kafka, Topics topics, ActiveRules active) {
        this.kafka = kafka;
        this.topics = topics;
        this.active = active;
    }

    Mono<Void> announce(String rulesetId, long version) {
        // send() may block for metadata: not on a WebFlux thread
        return Mono.fromCallable(() -> kafka.send(topics.rulesets(), rulesetId,
                        Long.toString(version).getBytes(StandardCharsets.UTF_8)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                .then();
    }

    @KafkaListener(id = "rulesets", topics = "${moderation.topics.rulesets:moderation.rulesets}",
            groupId = "${moderation.rulesets.group-prefix:moderation-rulesets}-${random.uuid}",
            properties = {"auto.offset.reset=earliest"})
    void onActivated(ConsumerRecord<String, byte[]> record) {
        long version;
        try {
            version = Long.parseLong(new String(record.value(), StandardCharsets.UTF_8).strip());
        } catch (RuntimeException e) {
            log.warn("ignoring an unreadable rule-set announcement for {}", record.key());
            return;
        }
        if (record.key() == null || !RuleSetIds.isValid(record.key())) {
            log.warn("ignoring a rule-set announcement for unknown rule set {}", record.key());
            return;
        }
        active.activate(record.key(), version);
    }
}
