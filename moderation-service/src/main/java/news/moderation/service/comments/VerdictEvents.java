package news.moderation.service.comments;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import news.moderation.contract.ContractJson;
import news.moderation.service.Topics;
import org.bson.Document;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;


/**
 * Publishes {@code CommentModerated} for every state change stored in a comment's outbox, and removes an
 * event from the outbox only after the broker acknowledged it: a crash in between publishes it again
 * (consumers dedupe by {@code eventId}), never loses it.
 *
 * <pre>{@code
 * store.storeAutomaticVerdicts(batch).then(events.publishPending(ids)).block();
 * }</pre>
 */
@Component
public class VerdictEvents {

    private final CommentStore store;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Topics topics;
    private final Clock clock;
    // the first failure to publish that no sweep has covered yet; null when there is none
    private final AtomicReference<Instant> failedSince = new AtomicReference<>();

    VerdictEvents(CommentStore store, KafkaTemplate<String, byte[]> kafka, Topics topics, Clock clock) {
        this.store = store;
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
    }

    /**
     * When this instance first failed to publish events that are still waiting in outboxes as far as it
     * knows, e.g. during a broker outage; empty when every publish since the last {@link #sweptUpTo} worked.
     */
    public Optional<Instant> failedSince() {
        return Optional.ofNullable(failedSince.get());
    }

    /** A sweep published everything older than {@code olderThan}: failures before it are covered. */
    public void sweptUpTo(Instant olderThan) {
        failedSince.getAndUpdate(failed -> failed != null && failed.isBefore(olderThan) ? null : failed);
    }

    /**
     * Publishes what a crash or a broker outage left in outboxes: entries older than {@code minAge}, so
     * that an event the pipeline is about to publish itself is not sent twice. Returns how many comments
     * had something to publish.
     */
    public Mono<Integer> publishForgotten(Instant olderThan, int limit) {
        return store.comments().flatMap(comments -> Flux.from(comments.find(
                                Filters.lt(Fields.OUTBOX + "." + Fields.DECIDED_AT, java.util.Date.from(olderThan)))
                        .projection(new Document(Fields.ID, 1)).limit(limit))
                .map(d -> d.getString(Fields.ID))
                .collectList()
                .flatMap(ids -> publishPending(ids).thenReturn(ids.size())));
    }

    public Mono<Void> publishPending(Collection<String> commentIds) {
        if (commentIds.isEmpty()) {
            return Mono.empty();
        }
        return publish(commentIds).doOnError(e -> {
            var now = clock.instant();
            failedSince.getAndUpdate(failed -> failed == null ? now : failed);
        });
    }

    private Mono<Void> publish(Collection<String> commentIds) {
        // by _id alone, so that any server answers from the _id index; empty outboxes are skipped here
        return store.comments().flatMap(comments -> Flux.from(comments.find(Filters.in(Fields.ID, commentIds)))
                .filter(comment -> !comment.getList(Fields.OUTBOX, Document.class, List.of()).isEmpty())
                .flatMapIterable(comment -> comment.getList(Fields.OUTBOX, Document.class).stream()
                        .map(entry -> new Pending(comment, entry)).toList())
                .collectList()
                .flatMap(pending -> pending.isEmpty() ? Mono.empty() : sendAll(pending)
                        .then(Mono.from(comments.bulkWrite(pulls(pending), new BulkWriteOptions().ordered(false))))
                        .then()));
    }

    /**
     * Starts every send in order, so one comment's events keep their order on its partition, on a thread
     * that may block: {@code KafkaProducer.send} waits for metadata or buffer space, and this runs on behalf
     * of WebFlux requests too. Completes when the broker acknowledged them all.
     */
    private Mono<Void> sendAll(List<Pending> pending) {
        return Mono.fromCallable(() -> pending.stream().map(this::send).toArray(CompletableFuture[]::new))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sends -> Mono.fromFuture(CompletableFuture.allOf(sends)));
    }

    private static List<WriteModel<Document>> pulls(List<Pending> pending) {
        return pending.stream().map(p -> (WriteModel<Document>) new UpdateOneModel<Document>(
                Filters.eq(Fields.ID, p.comment().get(Fields.ID)),
                Updates.pull(Fields.OUTBOX, new Document(Fields.EVENT_ID, p.entry().getString(Fields.EVENT_ID)))))
                .toList();
    }

    private record Pending(Document comment, Document entry) {
    }

    private CompletableFuture<?> send(Pending pending) {
        var event = Documents.event(pending.comment(), pending.entry());
        return kafka.send(topics.moderated(), event.threadId(), ContractJson.write(event));
    }
}
