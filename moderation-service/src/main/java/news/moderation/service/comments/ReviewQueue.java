package news.moderation.service.comments;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import news.moderation.contract.ModerationStatus;
import news.moderation.service.authors.AuthorDirectory;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The moderators' view of comments: filtered, sorted pages with stable cursors, and leases ("claims")
 * so that several moderators can work one queue without deciding the same item twice. Pending comments
 * are read from the small queue collection; approved and hidden ones from the comments themselves.
 *
 * <pre>{@code
 * queue.page(new QueueQuery(PENDING, null, null, null, null, null, null, Order.PRIORITY, null, 50));
 * queue.claim(query, 10, "alice", Duration.ofMinutes(5));
 * }</pre>
 */
@Component
public class ReviewQueue {

    private final Collections collections;
    private final AuthorDirectory authors;
    private final PendingIndex index;
    private final Clock clock;

    ReviewQueue(Collections collections, AuthorDirectory authors, PendingIndex index, Clock clock) {
        this.collections = collections;
        this.authors = authors;
        this.index = index;
        this.clock = clock;
    }

    public Mono<QueuePage> page(QueueQuery query) {
        return pageWithoutAuthors(query)
                .flatMap(page -> withAuthors(page.items()).map(items -> new QueuePage(items, page.next())));
    }

    Mono<QueuePage> pageWithoutAuthors(QueueQuery query) {
        var now = clock.instant();
        return candidates(query, query.limit() + 1, query.limit() + 1)
                .take(query.limit() + 1)
                .map(d -> Documents.queueItem(d, now))
                .collectList()
                .map(items -> {
                    var more = items.size() > query.limit();
                    var page = more ? items.subList(0, query.limit()) : items;
                    var next = more ? cursorAfter(page.get(page.size() - 1), query.order()).encode() : null;
                    return new QueuePage(page, next);
                });
    }

    /**
     * Leases up to {@code limit} open, unclaimed (or lapsed) items matching the query to {@code moderator}.
     * Each lease is a compare-and-set, so two moderators claiming at once never receive the same item.
     */
    public Mono<List<QueueItem>> claim(QueueQuery query, int limit, String moderator, Duration lease) {
        var now = clock.instant();
        var until = Date.from(now.plus(lease));
        var unclaimed = new QueueQuery(ModerationStatus.PENDING, query.siteId(), query.threadId(), query.category(),
                query.minSeverity(), query.authorId(), null, query.order(), null, 1000);
        return collections.queue().flatMap(queue -> candidates(unclaimed, Math.min(2 * limit, 200), unclaimed.limit())
                .filter(d -> d.getDate(Fields.CLAIMED_UNTIL) == null || !d.getDate(Fields.CLAIMED_UNTIL).toInstant().isAfter(now))
                // compare-and-set on the lease as it was read: of two moderators, only one moves it
                .concatMap(d -> {
                    var seen = d.getDate(Fields.CLAIMED_UNTIL);
                    var unchanged = seen == null ? Filters.exists(Fields.CLAIMED_UNTIL, false)
                            : Filters.eq(Fields.CLAIMED_UNTIL, seen);
                    return Mono.from(queue.findOneAndUpdate(
                            Filters.and(Filters.eq(Fields.ID, d.getString(Fields.ID)), unchanged,
                                    Filters.ne(Fields.STATE, Collections.DECIDED)),
                            Updates.combine(Updates.set(Fields.CLAIMED_BY, moderator), Updates.set(Fields.CLAIMED_UNTIL, until)),
                            new com.mongodb.client.model.FindOneAndUpdateOptions()
                                    .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER)));
                }, 1)
                .take(limit)
                .map(d -> Documents.queueItem(d, now))
                .collectList()
                .flatMap(this::withAuthors));
    }

    /** Ends {@code moderator}'s lease on a comment early; false when they held none. */
    public Mono<Boolean> release(String commentId, String moderator) {
        var now = Date.from(clock.instant());
        return collections.queue().flatMap(queue -> Mono.from(queue.updateOne(
                        Filters.and(Filters.eq(Fields.ID, commentId), Filters.eq(Fields.CLAIMED_BY, moderator),
                                Filters.gt(Fields.CLAIMED_UNTIL, now)),
                        Updates.combine(Updates.unset(Fields.CLAIMED_BY), Updates.unset(Fields.CLAIMED_UNTIL)))))
                .map(result -> result.getModifiedCount() > 0);
    }

    /**
     * Keeps this instance's order of the queue current with a change that {@code comments.moderated}
     * announced, whichever instance made it.
     *
     * <pre>{@code
     * queue.follow(event.commentId(), event.status());
     * }</pre>
     */
    public void follow(String commentId, ModerationStatus status) {
        if (status == ModerationStatus.PENDING) {
            index.entered(commentId);
        } else {
            index.removeAll(List.of(commentId));
        }
    }

    /**
     * When the longest-waiting pending comment was received; empty when nothing waits. From this instance's
     * order of the queue when it has one: a sorted query would make mongo-java-server sort the whole queue.
     */
    public Mono<Instant> oldestPendingReceivedAt() {
        var oldest = new QueueQuery(ModerationStatus.PENDING, null, null, null, null, null, null,
                QueueQuery.Order.OLDEST, null, 1);
        return candidates(oldest, 1, 1).next()
                .mapNotNull(d -> d.getDate(Fields.RECEIVED_AT))
                .map(Date::toInstant);
    }

    /** Re-reads this instance's order of the queue from MongoDB, e.g. once it follows {@code comments.moderated}. */
    public Mono<Void> reindex() {
        return index.reload();
    }

    /**
     * The documents matching the query in its order: pending ones from this instance's index and the queue
     * collection read by {@code _id} (in chunks, as far as the caller takes them), else a sorted MongoDB
     * query of at most {@code queryLimit}.
     */
    private Flux<Document> candidates(QueueQuery query, int chunk, int queryLimit) {
        var pending = query.status() == ModerationStatus.PENDING;
        var indexed = pending ? index.ids(query) : Optional.<Flux<String>>empty();
        if (indexed.isPresent()) {
            return indexed.get().buffer(chunk).concatMap(this::stillQueued, 1);
        }
        var source = pending ? collections.queue() : collections.comments();
        return source.flatMapMany(c -> Flux.from(c.find(filter(query, pending)).sort(sort(query.order())).limit(queryLimit)));
    }

    /** The open queue entries among {@code ids}, in that order; the index forgets the others. */
    private Flux<Document> stillQueued(List<String> ids) {
        return collections.queue().flatMap(q -> Flux.from(q.find(Filters.in(Fields.ID, ids)))
                        .collectMap(d -> d.getString(Fields.ID)))
                .flatMapIterable(found -> {
                    var open = new ArrayList<Document>(ids.size());
                    var gone = new ArrayList<String>();
                    for (var id : ids) {
                        var d = found.get(id);
                        if (d == null || Collections.DECIDED.equals(d.getString(Fields.STATE))) {
                            gone.add(id);
                        } else {
                            open.add(d);
                        }
                    }
                    index.removeAll(gone);
                    return open;
                });
    }

    private Mono<List<QueueItem>> withAuthors(List<QueueItem> items) {
        if (items.isEmpty()) {
            return Mono.just(items);
        }
        var ids = items.stream().map(QueueItem::authorId).distinct().toList();
        return authors.summaries(ids).map(summaries -> {
            var out = new ArrayList<QueueItem>(items.size());
            for (var item : items) {
                out.add(item.withAuthor(summaries.get(item.authorId())));
            }
            return out;
        });
    }

    static Bson filter(QueueQuery query, boolean pending) {
        var filters = new ArrayList<Bson>();
        if (pending) {
            filters.add(Filters.ne(Fields.STATE, Collections.DECIDED));
        } else {
            filters.add(Filters.eq(Fields.STATUS, query.status().name()));
        }
        if (query.siteId() != null) {
            filters.add(Filters.eq(Fields.SITE, query.siteId()));
        }
        if (query.threadId() != null) {
            filters.add(Filters.eq(Fields.THREAD, query.threadId()));
        }
        if (query.category() != null) {
            filters.add(Filters.eq(Fields.CATEGORIES, query.category().name()));
        }
        if (query.minSeverity() != null) {
            filters.add(Filters.gte(Fields.SCORE, query.minSeverity()));
        }
        if (query.authorId() != null) {
            filters.add(Filters.eq(Fields.AUTHOR, query.authorId()));
        }
        if (query.claimedBy() != null) {
            filters.add(Filters.eq(Fields.CLAIMED_BY, query.claimedBy()));
        }
        if (query.cursor() != null) {
            filters.add(after(query.cursor()));
        }
        return Filters.and(filters);
    }

    private static Bson sort(QueueQuery.Order order) {
        return switch (order) {
            case PRIORITY -> Sorts.orderBy(Sorts.descending(Fields.SCORE), Sorts.ascending(Fields.RECEIVED_AT),
                    Sorts.ascending(Fields.ID));
            case OLDEST -> Sorts.orderBy(Sorts.ascending(Fields.RECEIVED_AT), Sorts.ascending(Fields.ID));
            case NEWEST -> Sorts.orderBy(Sorts.descending(Fields.RECEIVED_AT), Sorts.descending(Fields.ID));
        };
    }

    /** Strictly after the cursor in the page's order, so items that arrive meanwhile never shift a page. */
    private static Bson after(Cursor cursor) {
        var at = new Date(cursor.receivedAtMillis());
        var id = cursor.commentId();
        return switch (cursor.order()) {
            case NEWEST -> Filters.or(Filters.lt(Fields.RECEIVED_AT, at),
                    Filters.and(Filters.eq(Fields.RECEIVED_AT, at), Filters.lt(Fields.ID, id)));
            case OLDEST -> Filters.or(Filters.gt(Fields.RECEIVED_AT, at),
                    Filters.and(Filters.eq(Fields.RECEIVED_AT, at), Filters.gt(Fields.ID, id)));
            case PRIORITY -> Filters.or(Filters.lt(Fields.SCORE, cursor.score()),
                    Filters.and(Filters.eq(Fields.SCORE, cursor.score()), Filters.gt(Fields.RECEIVED_AT, at)),
                    Filters.and(Filters.eq(Fields.SCORE, cursor.score()), Filters.eq(Fields.RECEIVED_AT, at),
                            Filters.gt(Fields.ID, id)));
        };
    }

    private static Cursor cursorAfter(QueueItem last, QueueQuery.Order order) {
        return new Cursor(order, last.score(), last.receivedAt() == null ? 0 : last.receivedAt().toEpochMilli(),
                last.commentId());
    }
}
