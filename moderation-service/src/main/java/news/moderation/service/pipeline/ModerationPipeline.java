package news.moderation.service.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import news.moderation.contract.ContractJson;
import news.moderation.contract.ModerationStatus;
import news.moderation.contract.SubmittedDecoding;
import news.moderation.service.comments.AutomaticVerdict;
import news.moderation.service.comments.CommentStore;
import news.moderation.service.comments.VerdictEvents;
import news.moderation.service.rules.RuleEngine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** One batch of submitted records to stored, published verdicts. */
@Component
class ModerationPipeline {

    private final RuleEngine rules;
    private final CommentStore store;
    private final VerdictEvents events;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    ModerationPipeline(RuleEngine rules, CommentStore store, VerdictEvents events, DeadLetters deadLetters,
                       MeterRegistry meters) {
        this.rules = rules;
        this.store = store;
        this.events = events;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    Mono<Void> process(List<ConsumerRecord<String, byte[]>> records) {
        var verdicts = new ArrayList<AutomaticVerdict>(records.size());
        var poison = new ArrayList<Mono<Void>>();
        for (var record : records) {
            var decoded = ContractJson.decodeSubmitted(record.value());
            if (decoded instanceof SubmittedDecoding.Valid valid) {
                verdicts.add(new AutomaticVerdict(valid.event(), rules.evaluate(valid.event().text())));
            } else if (decoded instanceof SubmittedDecoding.Invalid invalid) {
                meters.counter("moderation.dead.letters", "reason", invalid.problem().name()).increment();
                poison.add(deadLetters.send(record, invalid));
            }
        }
        var ids = new LinkedHashSet<String>();
        verdicts.forEach(v -> ids.add(v.comment().commentId()));
        return Flux.merge(poison).then()
                .then(store.storeAutomaticVerdicts(verdicts))
                .then(events.publishPending(ids))
                .doOnSuccess(done -> count(verdicts));
    }

    private void count(List<AutomaticVerdict> verdicts) {
        for (var v : verdicts) {
            decisionCounter(v.status()).increment();
        }
    }

    private io.micrometer.core.instrument.Counter decisionCounter(ModerationStatus status) {
        return meters.counter("moderation.verdicts", "decision", status.name());
    }
}
