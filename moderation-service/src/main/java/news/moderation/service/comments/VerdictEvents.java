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

import java.util.Collection;


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

    private static final int MAX_IN_FLIGHT = 512;

    VerdictEvents(CommentStore store, KafkaTemplate<String, byte[]> kafka, Topics topics) {
        this.store = store;
        this.kafka = kafka;
        this.topics = topics;
    }

    public Mono<Void> publishPending(Collection<String> commentIds) {
        if (commentIds.isEmpty()) {
            return Mono.empty();
        }
        return store.comments().flatMap(comments -> Flux.from(comments.find(Filters.and(
                                Filters.in(Fields.ID, commentIds), Filters.exists(Fields.OUTBOX + ".0"))))
                .flatMapIterable(comment -> comment.getList(Fields.OUTBOX, Document.class).stream()
                        .map(entry -> new Pending(comment, entry)).toList())
                // sends start in order, so one comment's events keep their order on its partition
                .flatMapSequential(pending -> send(pending).thenReturn(pending), MAX_IN_FLIGHT)
                .map(pending -> (WriteModel<Document>) new UpdateOneModel<Document>(
                        Filters.eq(Fields.ID, pending.comment().get(Fields.ID)),
                        Updates.pull(Fields.OUTBOX, new Document(Fields.EVENT_ID, pending.entry().getString(Fields.EVENT_ID)))))
                .collectList()
                .flatMap(pulls -> pulls.isEmpty() ? Mono.empty()
                        : Mono.from(comments.bulkWrite(pulls, new BulkWriteOptions().ordered(false))).then()));
    }

    private record Pending(Document comment, Document entry) {
    }

    private Mono<Void> send(Pending pending) {
        var event = Documents.event(pending.comment(), pending.entry());
        return Mono.fromFuture(() -> kafka.send(topics.moderated(), event.threadId(), ContractJson.write(event))).then();
    }
}
