package news.moderation.service.comments;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import news.moderation.contract.ModerationStatus;
import org.bson.Document;
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
 * store.storeAutomaticVerdicts(verdicts)          // idempotent by commentId; emits the newly inserted ids
 *      .then(events.publishPending(ids));         // CommentModerated from the outbox
 * }</pre>
 */
@Component
public class CommentStore {

    private final Collections collections;
    private final PendingIndex index;
    private final Clock clock;

    CommentStore(Collections collections, PendingIndex index, Clock clock) {
        this.collections = collections;
        this.index = index;
        this.clock = clock;
    }

    /**
     * Inserts each verdict unless its comment is already stored: a redelivered comment changes nothing,
     * and never overwrites a moderator's decision. Returns once the review queue reflects them.
     */
    public Mono<java.util.Set<String>> storeAutomaticVerdicts(List<AutomaticVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return Mono.just(java.util.Set.of());
        }
        var now = clock.instant();
        var byId = new LinkedHashMap<String, AutomaticVerdict>();
        verdicts.forEach(v -> byId.putIfAbsent(v.comment().commentId(), v));
        List<WriteModel<Document>> upserts = new ArrayList<>(byId.size());
        byId.forEach((id, v) -> upserts.add(new UpdateOneModel<>(Filters.eq(Fields.ID, id),
                new Document("$setOnInsert", Documents.newComment(v, UUID.randomUUID(), now)),
                new UpdateOptions().upsert(true))));
        var ids = new ArrayList<>(byId.keySet());
        return comments()
                .flatMap(c -> bulkUpsert(c, upserts))
                .map(result -> {
                    var inserted = new HashSet<String>();
                    result.getUpserts().forEach(u -> inserted.add(ids.get(u.getIndex())));
                    return (java.util.Set<String>) inserted;
                })
                .flatMap(inserted -> syncQueue(byId.keySet()).thenReturn(inserted));
    }

    private static Mono<com.mongodb.bulk.BulkWriteResult> bulkUpsert(MongoCollection<Document> comments,
                                                                    List<WriteModel<Document>> upserts) {
        var options = new BulkWriteOptions().ordered(false);
        // Two consumers upserting one _id at once can lose the race with E11000; the retry finds the
        // document and matches it, so the outcome is still exactly one document.
        return Mono.from(comments.bulkWrite(upserts, options))
                .onErrorResume(CommentStore::onlyDuplicateKeys, e -> Mono.from(comments.bulkWrite(upserts, options)));
    }

    private static boolean onlyDuplicateKeys(Throwable e) {
        return e instanceof MongoBulkWriteException bulk
                && bulk.getWriteErrors().stream().allMatch(w -> w.getCode() == 11000);
    }

    /** A stored comment's words and place, for replaying it through other rules. */
    public record StoredText(String commentId, String siteId, String parentId, String text,
                             java.time.Instant receivedAt) {
    }

    /**
     * Up to {@code limit} stored comments, newest first, received in {@code [from, to)} (either may be null).
     * A maintenance read (backtests): it sorts the big collection, which only real MongoDB does from an index.
     */
    public Flux<StoredText> recent(java.time.Instant from, java.time.Instant to, int limit) {
        var filters = new java.util.ArrayList<org.bson.conversions.Bson>();
        if (from != null) {
            filters.add(Filters.gte(Fields.RECEIVED_AT, java.util.Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt(Fields.RECEIVED_AT, java.util.Date.from(to)));
        }
        var filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return comments().flatMapMany(c -> Flux.from(c.find(filter)
                        .projection(new Document(Fields.SITE, 1).append(Fields.PARENT, 1).append(Fields.TEXT, 1)
                                .append(Fields.RECEIVED_AT, 1))
                        .sort(Sorts.descending(Fields.RECEIVED_AT)).limit(limit)))
                .map(d -> new StoredText(d.getString(Fields.ID), d.getString(Fields.SITE), d.getString(Fields.PARENT),
                        d.getString(Fields.TEXT), d.getDate(Fields.RECEIVED_AT).toInstant()));
    }

    /** The texts of the stored comments among {@code ids}, by comment id. */
    public Mono<java.util.Map<String, String>> textsOf(Collection<String> ids) {
        return comments().flatMapMany(c -> Flux.from(c.find(Filters.in(Fields.ID, ids))
                        .projection(new Document(Fields.TEXT, 1))))
                .collectMap(d -> d.getString(Fields.ID), d -> d.getString(Fields.TEXT));
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
                        var entries = new ArrayList<Document>();
                        var left = new ArrayList<String>();
                        for (var doc : docs) {
                            var id = doc.getString(Fields.ID);
                            if (Documents.status(doc) == ModerationStatus.PENDING) {
                                queued.add(id);
                                var entry = Documents.queueEntry(doc);
                                entries.add(entry);
                                var fields = new Document(entry);
                                fields.remove(Fields.ID);
                                // a pending comment's entry never changes, so an existing one (open or being
                                // decided) is left as it is; by _id alone, so any server finds it from the _id index
                                writes.add(new UpdateOneModel<>(Filters.eq(Fields.ID, id),
                                        new Document("$setOnInsert", fields), new UpdateOptions().upsert(true)));
                            } else {
                                left.add(id);
                                writes.add(new DeleteOneModel<>(Filters.eq(Fields.ID, id)));
                            }
                        }
                        if (writes.isEmpty()) {
                            return Mono.empty();
                        }
                        return Mono.from(queue.bulkWrite(writes, new BulkWriteOptions().ordered(false)))
                                .onErrorResume(CommentStore::onlyDuplicateKeys, e -> Mono.empty())
                                // after the write, so that a page reading the index finds the documents
                                .doOnSuccess(written -> {
                                    index.putAll(entries);
                                    index.removeAll(left);
                                })
                                .then(queued.isEmpty() ? Mono.empty() : removeNoLongerPending(comments, queue, queued));
                    });
        });
    }

    private Mono<Void> removeNoLongerPending(MongoCollection<Document> comments, MongoCollection<Document> queue,
                                             Collection<String> queued) {
        return Flux.from(comments.find(Filters.in(Fields.ID, queued))
                        .projection(new Document(Fields.STATUS, 1)))
                .filter(d -> Documents.status(d) != ModerationStatus.PENDING)
                .map(d -> d.getString(Fields.ID))
                .collectList()
                .flatMap(gone -> gone.isEmpty() ? Mono.empty()
                        : Mono.from(queue.deleteMany(Filters.in(Fields.ID, gone)))
                                .doOnSuccess(deleted -> index.removeAll(gone)).then());
    }

    private static Document queueProjection() {
        var projection = new Document();
        Documents.QUEUE_FIELDS.forEach(field -> projection.append(field, 1));
        return projection;
    }

    /** Creates the indexes every query of this package relies on; safe to repeat. */
    public Mono<Void> createIndexes() {
        var queueIndexes = List.of(
                index("newest_first", Indexes.descending(Fields.RECEIVED_AT), Indexes.descending(Fields.ID)),
                index("priority", Indexes.descending(Fields.SCORE), Indexes.ascending(Fields.RECEIVED_AT),
                        Indexes.ascending(Fields.ID)),
                index("by_site", Indexes.ascending(Fields.SITE), Indexes.descending(Fields.RECEIVED_AT)),
                index("by_thread", Indexes.ascending(Fields.THREAD)),
                index("by_author", Indexes.ascending(Fields.AUTHOR)),
                index("by_category", Indexes.ascending(Fields.CATEGORIES)),
                index("by_claim", Indexes.ascending(Fields.CLAIMED_BY), Indexes.ascending(Fields.CLAIMED_UNTIL)));
        var commentIndexes = List.of(
                index("by_status_newest", Indexes.ascending(Fields.STATUS), Indexes.descending(Fields.RECEIVED_AT),
                        Indexes.descending(Fields.ID)),
                index("by_status_priority", Indexes.ascending(Fields.STATUS), Indexes.descending(Fields.SCORE),
                        Indexes.ascending(Fields.RECEIVED_AT)),
                index("thread_order", Indexes.ascending(Fields.THREAD), Indexes.ascending(Fields.POSTED_AT)),
                index("replies", Indexes.ascending(Fields.THREAD), Indexes.ascending(Fields.PARENT)),
                index("by_author", Indexes.ascending(Fields.AUTHOR), Indexes.descending(Fields.RECEIVED_AT)),
                index("by_decision_time", Indexes.descending(Fields.DECIDED_AT)),
                // backtests replay the newest comments
                index("newest", Indexes.descending(Fields.RECEIVED_AT)));
        return queue().flatMapMany(q -> Flux.fromIterable(queueIndexes)
                        .concatMap(i -> Mono.from(q.createIndex(i.keys(), new IndexOptions().name(i.name())))))
                .thenMany(comments().flatMapMany(c -> Flux.fromIterable(commentIndexes)
                        .concatMap(i -> Mono.from(c.createIndex(i.keys(), new IndexOptions().name(i.name()))))))
                // sparse: only comments with unpublished events are in it, so the sweeper's scan stays small
                .then(comments().flatMap(c -> Mono.from(c.createIndex(
                        Indexes.ascending(Fields.OUTBOX + "." + Fields.DECIDED_AT),
                        new IndexOptions().name("unpublished_events").sparse(true)))))
                .then();
    }

    private record NamedIndex(String name, org.bson.conversions.Bson keys) {
    }

    private static NamedIndex index(String name, org.bson.conversions.Bson... keys) {
        return new NamedIndex(name, keys.length == 1 ? keys[0] : Indexes.compoundIndex(keys));
    }

    /**
     * Re-opens queue entries whose decision was taken but never finished (the instance died between
     * taking the entry and updating the comment): without this the comment would stay pending and
     * undecidable. Returns how many were re-opened.
     */
    public Mono<Integer> reopenAbandonedDecisions(java.time.Instant olderThan) {
        return queue().flatMap(q -> Flux.from(q.find(Filters.and(Filters.eq(Fields.STATE, Collections.DECIDED),
                                Filters.lt(Fields.DECIDING_AT, Documents.date(olderThan))))
                        .projection(new Document(Fields.ID, 1)))
                .map(d -> d.getString(Fields.ID))
                .collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0)
                        : Mono.from(q.deleteMany(Filters.in(Fields.ID, ids))).then(syncQueue(ids)).thenReturn(ids.size())));
    }

    /**
     * How many comments wait for a moderator, from the collection's metadata: a gauge needs no exact count, and
     * counting documents makes mongo-java-server walk the whole queue under its lock.
     */
    public Mono<Long> pendingCount() {
        return queue().flatMap(q -> Mono.from(q.estimatedDocumentCount()));
    }

    Mono<MongoCollection<Document>> comments() {
        return collections.comments();
    }

    private Mono<MongoCollection<Document>> queue() {
        return collections.queue();
    }
}
