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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
    private final Clock clock;

    ReviewQueue(Collections collections, AuthorDirectory authors, Clock clock) {
        this.collections = collections;
        this.authors = authors;
        this.clock = clock;
    }

    public Mono<QueuePage> page(QueueQuery query) {
        var pending = query.status() == ModerationStatus.PENDING;
        var source = pending ? collections.queue() : collections.comments();
        var now = clock.instant();
        return source.flatMapMany(c -> Flux.from(c.find(filter(query, pending))
                        .sort(sort(query.order())).limit(query.limit() + 1)))
                .map(d -> Documents.queueItem(d, now))
                .collectList()
                .flatMap(items -> {
                    var more = items.size() > query.limit();
                    var page = more ? items.subList(0, query.limit()) : items;
                    var next = more ? cursorAfter(page.get(page.size() - 1), query.order()).encode() : null;
                    return withAuthors(page).map(list -> new QueuePage(list, next));
                });
    }

    /**
     * Leases up to {@code limit} open, unclaimed (or lapsed) items matching the query to {@code moderator}.
     * Each lease is a compare-and-set, so two moderators claiming at once never receive the same item.
     */
    public Mono<List<QueueItem>> claim(QueueQuery query, int limit, String moderator, Duration lease) {
        var now = clock.instant();
        var until = Date.from(now.plus(lease));
        var candidates = new QueueQuery(ModerationStatus.PENDING, query.siteId(), query.threadId(), query.category(),
                query.minSeverity(), query.authorId(), null, query.order(), null, 1000);
        return collections.queue().flatMap(queue -> Flux.from(queue.find(filter(candidates, true))
                        .sort(sort(candidates.order())).limit(candidates.limit())
                        .projection(new Document(Fields.CLAIMED_UNTIL, 1)))
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
