package news.moderation.service.comments;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import news.moderation.contract.ModerationStatus;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies a moderator's decision with optimistic concurrency. For a pending comment the winner is whoever
 * turns its queue entry from open to decided at the expected version: one atomic update of the entry by
 * {@code _id} that returns the entry as it was, so exactly one caller sees it open. The comment itself is
 * then updated by {@code _id}. Other
 * comments (re-deciding an approved or hidden one) compare-and-set on the comment's own version.
 */
@Component
class Decider {

    private static final Logger log = LoggerFactory.getLogger(Decider.class);

    private final Collections collections;
    private final CommentStore store;
    private final Clock clock;

    Decider(Collections collections, CommentStore store, Clock clock) {
        this.collections = collections;
        this.store = store;
        this.clock = clock;
    }

    Mono<DecisionOutcome> decide(String commentId, ModeratorAction action, String reason, String moderator,
                                 Long expectedVersion) {
        return collections.comments().flatMap(comments -> Mono.from(comments.find(Filters.eq(Fields.ID, commentId)).first())
                .flatMap(current -> {
                    var state = Documents.state(current);
                    if (expectedVersion != null && expectedVersion != state.version()) {
                        return Mono.<DecisionOutcome>just(new DecisionOutcome.Conflict(state));
                    }
                    if (state.status() == action.result()) {
                        return Mono.<DecisionOutcome>just(new DecisionOutcome.Unchanged(state));
                    }
                    return state.status() == ModerationStatus.PENDING
                            ? decidePending(comments, current, action, reason, moderator)
                            : decideOther(comments, current, action, reason, moderator);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> new DecisionOutcome.NotFound(commentId))));
    }

    private Mono<DecisionOutcome> decidePending(MongoCollection<Document> comments, Document current,
                                                ModeratorAction action, String reason, String moderator) {
        var id = current.getString(Fields.ID);
        long version = Documents.version(current);
        // by _id alone, so that any server finds the entry from the _id index (mongo-java-server scans the
        // collection for any other filter); the entry as it was before says whether this call took it
        return collections.queue().flatMap(queue -> Mono.from(queue.findOneAndUpdate(Filters.eq(Fields.ID, id),
                        Updates.combine(Updates.set(Fields.STATE, Collections.DECIDED),
                                Updates.min(Fields.DECIDING_AT, Documents.date(clock.instant()))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(taken -> {
                    if (taken.isEmpty()) {
                        // no entry (a crash left the queue behind): the comment's own version decides
                        return decideOther(comments, current, action, reason, moderator);
                    }
                    if (Collections.DECIDED.equals(taken.get().getString(Fields.STATE))) {
                        return conflict(comments, id);
                    }
                    if (Documents.version(taken.get()) != version) {
                        // taken at another version than the one checked: give it back
                        return Mono.from(queue.updateOne(Filters.eq(Fields.ID, id),
                                        Updates.combine(Updates.unset(Fields.STATE), Updates.unset(Fields.DECIDING_AT))))
                                .then(conflict(comments, id));
                    }
                    var now = clock.instant();
                    return Mono.from(comments.findOneAndUpdate(Filters.eq(Fields.ID, id),
                                    update(action, reason, moderator, now),
                                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
                            .doOnNext(before -> {
                                if (Documents.version(before) != version) {
                                    log.error("decision on {} applied over version {} while holding version {}", id,
                                            Documents.version(before), version);
                                }
                            })
                            .then(Mono.from(queue.deleteOne(Filters.eq(Fields.ID, id))))
                            .then(store.syncQueue(List.of(id)))
                            .thenReturn(new DecisionOutcome.Applied(
                                    new CommentState(id, action.result(), version + 1, moderator, now),
                                    ModerationStatus.PENDING, current.getString(Fields.AUTHOR)));
                }));
    }

    private static Mono<DecisionOutcome> conflict(MongoCollection<Document> comments, String id) {
        return Mono.from(comments.find(Filters.eq(Fields.ID, id)).first())
                .map(d -> new DecisionOutcome.Conflict(Documents.state(d)));
    }

    private Mono<DecisionOutcome> decideOther(MongoCollection<Document> comments, Document current,
                                              ModeratorAction action, String reason, String moderator) {
        var id = current.getString(Fields.ID);
        long version = Documents.version(current);
        var now = clock.instant();
        return Mono.from(comments.updateOne(Filters.and(Filters.eq(Fields.ID, id), Filters.eq(Fields.VERSION, version)),
                        update(action, reason, moderator, now)))
                .flatMap(result -> {
                    if (result.getModifiedCount() == 0) {
                        return Mono.from(comments.find(Filters.eq(Fields.ID, id)).first())
                                .map(d -> (DecisionOutcome) new DecisionOutcome.Conflict(Documents.state(d)));
                    }
                    return store.syncQueue(List.of(id)).thenReturn(new DecisionOutcome.Applied(
                            new CommentState(id, action.result(), version + 1, moderator, now), Documents.status(current),
                            current.getString(Fields.AUTHOR)));
                });
    }

    private static Bson update(ModeratorAction action, String reason, String moderator, Instant now) {
        return Updates.combine(
                Updates.set(Fields.STATUS, action.result().name()),
                Updates.set(Fields.DECIDED_BY, moderator),
                Updates.set(Fields.DECIDED_AT, Documents.date(now)),
                Updates.inc(Fields.VERSION, 1L),
                Updates.push(Fields.HISTORY, Documents.historyEntry(now, moderator, action.result(), reason, null)),
                Updates.push(Fields.OUTBOX, Documents.outboxEntry(UUID.randomUUID(), action.result(), moderator, now)));
    }
}
