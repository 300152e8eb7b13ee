package news.moderation.service.comments;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import news.moderation.contract.ModerationStatus;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * The stored comments: verdicts from the rules, moderators' decisions, and the pending queue.
 *
 * <pre>{@code
 * store.storeAutomaticVerdicts(verdicts)          // idempotent by commentId
 *      .then(events.publishPending(ids));         // CommentModerated from the outbox
 * }</pre>
 */
@Component
public class CommentStore {

    static final String COMMENTS = "comments";
    static final String QUEUE = "review_queue";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    CommentStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Inserts each verdict unless its comment is already stored: a redelivered comment changes nothing,
     * and never overwrites a moderator's decision. Returns once the review queue reflects them.
     */
    public Mono<Void> storeAutomaticVerdicts(List<AutomaticVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return Mono.empty();
        }
        var now = clock.instant();
        var byId = new LinkedHashMap<String, AutomaticVerdict>();
        verdicts.forEach(v -> byId.putIfAbsent(v.comment().commentId(), v));
        List<WriteModel<Document>> upserts = new ArrayList<>(byId.size());
        byId.forEach((id, v) -> upserts.add(new UpdateOneModel<>(Filters.eq(Fields.ID, id),
                new Document("$setOnInsert", Documents.newComment(v, UUID.randomUUID(), now)),
                new UpdateOptions().upsert(true))));
        return comments()
                .flatMap(c -> bulkUpsert(c, upserts))
                .then(syncQueue(byId.keySet()));
    }

    private static Mono<Void> bulkUpsert(MongoCollection<Document> comments, List<WriteModel<Document>> upserts) {
        var options = new BulkWriteOptions().ordered(false);
        // Two consumers upserting one _id at once can lose the race with E11000; the retry finds the
        // document and matches it, so the outcome is still exactly one document.
        return Mono.from(comments.bulkWrite(upserts, options))
                .onErrorResume(CommentStore::onlyDuplicateKeys, e -> Mono.from(comments.bulkWrite(upserts, options)))
                .then();
    }

    private static boolean onlyDuplicateKeys(Throwable e) {
        return e instanceof MongoBulkWriteException bulk
                && bulk.getWriteErrors().stream().allMatch(w -> w.getCode() == 11000);
    }

    /** Applies a moderator's decision unless someone else changed the comment since it was read. */
    Mono<DecisionOutcome> decide(String commentId, ModeratorAction action, String reason, String moderator) {
        return comments().flatMap(c -> Mono.from(c.find(Filters.eq(Fields.ID, commentId)).first())
                .flatMap(current -> {
                    var state = Documents.state(current);
                    if (state.status() == action.result()) {
                        return Mono.<DecisionOutcome>just(new DecisionOutcome.Unchanged(state));
                    }
                    return applyDecision(c, current, action, reason, moderator);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> new DecisionOutcome.NotFound(commentId))));
    }

    private Mono<DecisionOutcome> applyDecision(MongoCollection<Document> comments, Document current,
                                                ModeratorAction action, String reason, String moderator) {
        var now = clock.instant();
        var id = current.getString(Fields.ID);
        var version = Documents.version(current);
        var update = Updates.combine(
                Updates.set(Fields.STATUS, action.result().name()),
                Updates.set(Fields.DECIDED_BY, moderator),
                Updates.set(Fields.DECIDED_AT, Documents.date(now)),
                Updates.inc(Fields.VERSION, 1L),
                Updates.push(Fields.HISTORY, Documents.historyEntry(now, moderator, action.result(), reason, null)),
                Updates.push(Fields.OUTBOX, Documents.outboxEntry(UUID.randomUUID(), action.result(), moderator, now)));
        return Mono.from(comments.updateOne(Filters.and(Filters.eq(Fields.ID, id), Filters.eq(Fields.VERSION, version)),
                        update))
                .flatMap(result -> {
                    if (result.getModifiedCount() == 0) {
                        return Mono.from(comments.find(Filters.eq(Fields.ID, id)).first())
                                .map(d -> (DecisionOutcome) new DecisionOutcome.Conflict(Documents.state(d)));
                    }
                    var applied = new CommentState(id, action.result(), version + 1, moderator, now);
                    return syncQueue(List.of(id)).thenReturn(new DecisionOutcome.Applied(applied));
                });
    }

    /** The texts of the stored comments among {@code ids}, by comment id. */
    public Mono<java.util.Map<String, String>> textsOf(Collection<String> ids) {
        return comments().flatMapMany(c -> Flux.from(c.find(Filters.in(Fields.ID, ids))
                        .projection(new Document(Fields.TEXT, 1))))
                .collectMap(d -> d.getString(Fields.ID), d -> d.getString(Fields.TEXT));
    }

    /** Pending comments, newest first. */
    public Flux<QueueItem> pendingNewestFirst(int limit) {
        return queue().flatMapMany(q -> Flux.from(q.find()
                        .sort(Sorts.orderBy(Sorts.descending(Fields.RECEIVED_AT), Sorts.descending(Fields.ID)))
                        .limit(limit)))
                .map(Documents::queueItem);
    }

    /**
     * Makes the queue agree with the stored comments for {@code ids}. A moderator's decision can land
     * between our read and our queue write; reading again afterwards and undoing what no longer holds
     * closes that window, because every decision writes the comment before it touches the queue.
     */
    Mono<Void> syncQueue(Collection<String> ids) {
        return Mono.zip(comments(), queue()).flatMap(cq -> {
            var comments = cq.getT1();
            var queue = cq.getT2();
            return Flux.from(comments.find(Filters.in(Fields.ID, ids)).projection(queueProjection())).collectList()
                    .flatMap(docs -> {
                        List<WriteModel<Document>> writes = new ArrayList<>();
                        var queued = new HashSet<String>();
                        for (var doc : docs) {
                            var id = doc.getString(Fields.ID);
                            if (Documents.status(doc) == ModerationStatus.PENDING) {
                                queued.add(id);
                                writes.add(new ReplaceOneModel<>(Filters.eq(Fields.ID, id), Documents.queueEntry(doc),
                                        new ReplaceOptions().upsert(true)));
                            } else {
                                writes.add(new DeleteOneModel<>(Filters.eq(Fields.ID, id)));
                            }
                        }
                        if (writes.isEmpty()) {
                            return Mono.empty();
                        }
                        return Mono.from(queue.bulkWrite(writes, new BulkWriteOptions().ordered(false)))
                                .then(queued.isEmpty() ? Mono.empty() : removeNoLongerPending(comments, queue, queued));
                    });
        });
    }

    private static Mono<Void> removeNoLongerPending(MongoCollection<Document> comments, MongoCollection<Document> queue,
                                                    Collection<String> queued) {
        return Flux.from(comments.find(Filters.in(Fields.ID, queued))
                        .projection(new Document(Fields.STATUS, 1)))
                .filter(d -> Documents.status(d) != ModerationStatus.PENDING)
                .map(d -> d.getString(Fields.ID))
                .collectList()
                .flatMap(gone -> gone.isEmpty() ? Mono.empty()
                        : Mono.from(queue.deleteMany(Filters.in(Fields.ID, gone))).then());
    }

    private static Document queueProjection() {
        var projection = new Document();
        for (var field : List.of(Fields.SITE, Fields.THREAD, Fields.THREAD_TITLE, Fields.PARENT, Fields.AUTHOR,
                Fields.AUTHOR_NAME, Fields.TEXT, Fields.POSTED_AT, Fields.RECEIVED_AT, Fields.SCORE, Fields.REASONS,
                Fields.RULE_SET_VERSION, Fields.VERSION, Fields.STATUS)) {
            projection.append(field, 1);
        }
        return projection;
    }

    /** Creates the indexes the queries above rely on; safe to repeat. */
    public Mono<Void> createIndexes() {
        return queue().flatMap(q -> Mono.from(q.createIndex(
                        Indexes.compoundIndex(Indexes.descending(Fields.RECEIVED_AT), Indexes.descending(Fields.ID)),
                        new IndexOptions().name("newest_first"))))
                // sparse: only comments with unpublished events are in it, so the sweeper's scan stays small
                .then(comments().flatMap(c -> Mono.from(c.createIndex(
                        Indexes.ascending(Fields.OUTBOX + "." + Fields.DECIDED_AT),
                        new IndexOptions().name("unpublished_events").sparse(true)))))
                .then();
    }

    /** How many comments wait for a moderator. */
    public Mono<Long> pendingCount() {
        return queue().flatMap(q -> Mono.from(q.countDocuments()));
    }

    Mono<MongoCollection<Document>> comments() {
        return mongo.getCollection(COMMENTS);
    }

    private Mono<MongoCollection<Document>> queue() {
        return mongo.getCollection(QUEUE);
    }
}
