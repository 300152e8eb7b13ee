package news.moderation.service.queue;

import news.moderation.contract.CommentModerated;
import news.moderation.contract.ContractJson;
import news.moderation.contract.ModerationStatus;
import news.moderation.service.comments.ReviewQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Instant;
import java.util.Map;

/**
 * Items entering and leaving the queue, as every instance learns them from {@code comments.moderated}:
 * each instance reads the topic in a consumer group of its own, so a decision taken on one instance
 * reaches moderators connected to any other.
 *
 * <pre>{@code
 * events.changes().subscribe(change -> console.update(change));
 * }</pre>
 */
@Component
class QueueEvents implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(QueueEvents.class);

    enum Kind {
        ENTERED,
        LEFT
    }

    record Change(Kind type, String commentId, String siteId, String threadId, ModerationStatus status,
                  String decidedBy, Instant decidedAt) {
    }

    // slow subscribers drop changes rather than hold back the topic's listener; a console re-reads the
    // queue when it reconnects
    private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();

    private final ReviewQueue queue;

    // the group starts at the end of the topic: changes before its first assignment reach no console
    private volatile boolean assigned;

    QueueEvents(ReviewQueue queue) {
        this.queue = queue;
    }

    Flux<Change> changes() {
        return sink.asFlux();
    }

    /** Whether this instance reads {@code comments.moderated} yet, so that a console connecting now misses nothing. */
    boolean live() {
        return assigned;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assigned = true;
        // from now on every change reaches this instance: what was queued before is read once
        queue.reindex().subscribe();
    }

    @KafkaListener(id = "queue-stream", topics = "${moderation.topics.moderated:comments.moderated}",
            groupId = "${moderation.queue.stream-group-prefix:moderation-queue-stream}-${random.uuid}",
            properties = {"auto.offset.reset=latest"})
    void onModerated(ConsumerRecord<String, byte[]> record) {
        try {
            var event = ContractJson.read(record.value(), CommentModerated.class);
            queue.follow(event.commentId(), event.status());
            var kind = event.status() == ModerationStatus.PENDING ? Kind.ENTERED : Kind.LEFT;
            sink.tryEmitNext(new Change(kind, event.commentId(), event.siteId(), event.threadId(), event.status(),
                    event.decidedBy(), event.decidedAt()));
        } catch (RuntimeException e) {
            log.debug("ignoring an unreadable comments.moderated record: {}", e.getMessage());
        }
    }
}
