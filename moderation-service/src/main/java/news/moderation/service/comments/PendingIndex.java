package news.moderation.service.comments;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import news.moderation.service.rules.Category;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;

/**
 * This instance's ordered view of the pending queue: the sort keys and filter fields of every pending
 * comment, in memory, so that a page is a walk of an ordered set and one fetch by {@code _id}, fast on any
 * MongoDB server (mongo-java-server sorts every matching document in memory for each sorted query).
 *
 * <p>It is a cache of {@code review_queue}, never the truth. Writes of this instance reach it at once;
 * writes of other instances through {@code comments.moderated}; a periodic re-read heals whatever both
 * missed. An entry that is no longer pending is harmless: the page fetches the documents and drops (and
 * forgets) those decided meanwhile. Until its first read completes, or when the queue outgrows
 * {@link QueueIndexProperties#maxEntries()}, the index is cold and pages come from MongoDB queries.
 */
@Component
class PendingIndex implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PendingIndex.class);

    /** Code point order, which is UTF-8 byte order: how MongoDB compares strings. */
    static final Comparator<String> BINARY = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };
    /** The orders of {@code ReviewQueue}'s MongoDB sorts, ties broken the same way. */
    static final Comparator<Entry> PRIORITY = Comparator.comparingInt((Entry e) -> -e.score())
            .thenComparingLong(Entry::receivedAt).thenComparing(Entry::id, BINARY);
    static final Comparator<Entry> ARRIVAL = Comparator.comparingLong(Entry::receivedAt)
            .thenComparing(Entry::id, BINARY);

    /** What a pending comment is sorted and filtered by; {@code categories} is a bit set of {@link Category} ordinals. */
    record Entry(String id, int score, long receivedAt, String siteId, String threadId, String authorId,
                 long categories) {

        static Entry of(Document queued) {
            var received = queued.getDate(Fields.RECEIVED_AT);
            long categories = 0;
            for (var name : queued.getList(Fields.CATEGORIES, String.class, List.of())) {
                try {
                    categories |= 1L << Category.valueOf(name).ordinal();
                } catch (IllegalArgumentException retired) {
                    // a category no pack uses any more: no filter can ask for it
                }
            }
            return new Entry(queued.getString(Fields.ID), queued.getInteger(Fields.SCORE, 0),
                    received == null ? 0 : received.getTime(), queued.getString(Fields.SITE),
                    queued.getString(Fields.THREAD), queued.getString(Fields.AUTHOR), categories);
        }

        /** The filters of {@code ReviewQueue.filter} for a pending query, on this entry. */
        boolean matches(QueueQuery query) {
            return (query.siteId() == null || query.siteId().equals(siteId))
                    && (query.threadId() == null || query.threadId().equals(threadId))
                    && (query.authorId() == null || query.authorId().equals(authorId))
                    && (query.category() == null || (categories & (1L << query.category().ordinal())) != 0)
                    && (query.minSeverity() == null || score >= query.minSeverity());
        }

        static Entry at(Cursor cursor) {
            return new Entry(cursor.commentId(), cursor.score(), cursor.receivedAtMillis(), null, null, null, 0);
        }
    }

    private static final class Order {
        final Map<String, Entry> byId = new ConcurrentHashMap<>();
        final NavigableSet<Entry> byPriority = new ConcurrentSkipListSet<>(PRIORITY);
        final NavigableSet<Entry> byArrival = new ConcurrentSkipListSet<>(ARRIVAL);

        void put(Entry entry) {
            remove(entry.id());
            byId.put(entry.id(), entry);
            byPriority.add(entry);
            byArrival.add(entry);
        }

        void remove(String id) {
            var old = byId.remove(id);
            if (old != null) {
                byPriority.remove(old);
                byArrival.remove(old);
            }
        }

        NavigableSet<Entry> after(QueueQuery query) {
            var cursor = query.cursor();
            var ordered = switch (query.order()) {
                case PRIORITY -> byPriority;
                case OLDEST -> byArrival;
                case NEWEST -> byArrival.descendingSet();
            };
            return cursor == null ? ordered : ordered.tailSet(Entry.at(cursor), false);
        }
    }

    private final Collections collections;
    private final QueueIndexProperties properties;
    private final Object lock = new Object();
    // null while cold; replaced whole by each re-read, changed in place (under lock) by everything else
    private volatile Order order;
    // non-null while a re-read runs: the changes made meanwhile, replayed onto its result (guarded by lock)
    private List<Consumer<Order>> duringReload;
    private final Sinks.Many<String> entered = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable following;

    PendingIndex(Collections collections, QueueIndexProperties properties, MeterRegistry meters) {
        this.collections = collections;
        this.properties = properties;
        // comments other instances queued arrive as ids; their documents are read in batches by _id
        // a failure ends only its batch, never the subscription: the next re-read brings what it missed
        this.following = entered.asFlux()
                .bufferTimeout(256, Duration.ofMillis(20))
                .concatMap(ids -> readQueued(ids)
                        .doOnNext(this::putAll)
                        .onErrorResume(e -> {
                            log.debug("queued comments not read: {}", e.getMessage());
                            return Mono.empty();
                        }))
                .subscribe();
        Gauge.builder("moderation.queue.index.entries", this, PendingIndex::size)
                .description("pending comments in this instance's in-memory queue order; NaN while pages come from MongoDB")
                .register(meters);
    }

    /** Matching pending ids in the query's order after its cursor; empty when this index cannot answer it. */
    Optional<Flux<String>> ids(QueueQuery query) {
        var current = order;
        if (current == null || query.claimedBy() != null) {
            return Optional.empty();
        }
        return Optional.of(Flux.fromIterable(current.after(query)).filter(e -> e.matches(query)).map(Entry::id));
    }

    /** Stored queue entries (documents of {@code review_queue}), pending as far as the caller knows. */
    void putAll(Collection<Document> queued) {
        if (queued.isEmpty()) {
            return;
        }
        var entries = queued.stream().map(Entry::of).toList();
        change(o -> entries.forEach(o::put));
    }

    void removeAll(Collection<String> ids) {
        if (!ids.isEmpty()) {
            var copy = List.copyOf(ids);
            change(o -> copy.forEach(o::remove));
        }
    }

    /** Another instance (or this one) announced that {@code commentId} entered the queue. */
    void entered(String commentId) {
        var current = order;
        if (current != null && current.byId.containsKey(commentId)) {
            return;
        }
        synchronized (entered) {
            entered.tryEmitNext(commentId);
        }
    }

    @Scheduled(fixedDelayString = "${moderation.queue.index.refresh:2m}",
            initialDelayString = "${moderation.queue.index.refresh:2m}")
    void refresh() {
        reload().subscribe();
    }

    /** Re-reads every pending entry from MongoDB and swaps the result in; completes when it is in use. */
    Mono<Void> reload() {
        return Mono.defer(() -> {
            if (!properties.enabled()) {
                return Mono.empty();
            }
            synchronized (lock) {
                if (duringReload != null) {
                    return Mono.empty();
                }
                duringReload = new ArrayList<>();
            }
            return readAll();
        });
    }

    private Mono<Void> readAll() {
        var keys = new Document();
        for (var field : List.of(Fields.SCORE, Fields.RECEIVED_AT, Fields.SITE, Fields.THREAD, Fields.AUTHOR,
                Fields.CATEGORIES)) {
            keys.append(field, 1);
        }
        return collections.queue()
                .flatMap(q -> Flux.from(q.find(Filters.ne(Fields.STATE, Collections.DECIDED)).projection(keys)
                                .limit(properties.maxEntries() + 1))
                        .map(Entry::of)
                        .collectList())
                .doOnNext(this::swapIn)
                .doOnError(e -> endReload())
                .doOnCancel(this::endReload)
                .onErrorResume(e -> {
                    log.warn("pending queue not re-read, pages use what this instance had: {}", e.getMessage());
                    return Mono.empty();
                })
                .then();
    }

    private void endReload() {
        synchronized (lock) {
            duringReload = null;
        }
    }

    private void swapIn(List<Entry> entries) {
        synchronized (lock) {
            var changedMeanwhile = duringReload;
            duringReload = null;
            if (entries.size() > properties.maxEntries()) {
                goCold();
                return;
            }
            var fresh = new Order();
            entries.forEach(fresh::put);
            changedMeanwhile.forEach(change -> change.accept(fresh));
            if (order == null) {
                log.info("queue pages now come from this instance's order of {} pending comments", fresh.byId.size());
            }
            order = fresh;
        }
    }

    /** Caller holds the lock. */
    private void goCold() {
        if (order != null) {
            log.warn("more than {} pending comments: queue pages now come from MongoDB queries",
                    properties.maxEntries());
        }
        order = null;
    }

    private void change(Consumer<Order> change) {
        synchronized (lock) {
            var current = order;
            if (current != null) {
                change.accept(current);
                if (current.byId.size() > properties.maxEntries()) {
                    goCold();
                }
            }
            if (duringReload != null) {
                duringReload.add(change);
            }
        }
    }

    private Mono<List<Document>> readQueued(List<String> ids) {
        return collections.queue()
                .flatMap(q -> Flux.from(q.find(Filters.in(Fields.ID, ids)))
                        .filter(d -> !Collections.DECIDED.equals(d.getString(Fields.STATE)))
                        .collectList());
    }

    private double size() {
        var current = order;
        return current == null ? Double.NaN : current.byId.size();
    }

    @Override
    public void destroy() {
        following.dispose();
    }
}
