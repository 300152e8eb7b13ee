package news.moderation.service.comments;

import com.mongodb.client.model.Filters;
import news.moderation.contract.CommentModerated;
import news.moderation.contract.ModerationStatus;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the queue is doing: depth by status and by category, moderators' decisions per hour over the last
 * day, and the median time from a comment's arrival to a moderator's decision.
 *
 * <pre>{@code
 * stats.current().block().pendingByCategory().get("EPITHET");
 * }</pre>
 */
@Component
public class QueueStats {

    /** At most this many recent decisions are read for the hourly counts and the median. */
    private static final int MAX_DECISIONS = 20_000;

    private final Collections collections;
    private final Clock clock;

    QueueStats(Collections collections, Clock clock) {
        this.collections = collections;
        this.clock = clock;
    }

    public record Snapshot(Map<ModerationStatus, Long> byStatus, Map<String, Long> pendingByCategory,
                           Map<Instant, Long> decisionsPerHour, Duration medianTimeToDecision, Instant at) {
    }

    public Mono<Snapshot> current() {
        var now = clock.instant();
        var since = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(23));
        var byStatus = Flux.fromArray(ModerationStatus.values())
                .concatMap(status -> collections.comments()
                        .flatMap(c -> Mono.from(c.countDocuments(Filters.eq(Fields.STATUS, status.name()))))
                        .map(count -> Map.entry(status, count)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(ModerationStatus.class));
        var byCategory = collections.queue()
                .flatMapMany(q -> Flux.from(q.find().projection(new Document(Fields.CATEGORIES, 1))))
                .flatMapIterable(d -> d.getList(Fields.CATEGORIES, String.class, List.of()))
                .collect(TreeMap<String, Long>::new, (map, category) -> map.merge(category, 1L, Long::sum));
        var decisions = collections.comments()
                .flatMapMany(c -> Flux.from(c.find(Filters.and(Filters.gte(Fields.DECIDED_AT, Date.from(since)),
                                Filters.ne(Fields.DECIDED_BY, CommentModerated.DECIDED_BY_RULES)))
                        .projection(new Document(Fields.DECIDED_AT, 1).append(Fields.RECEIVED_AT, 1))
                        .limit(MAX_DECISIONS)))
                .collectList();
        return Mono.zip(byStatus, byCategory, decisions).map(t -> {
            var perHour = new TreeMap<Instant, Long>();
            for (int h = 0; h < 24; h++) {
                perHour.put(since.plus(Duration.ofHours(h)), 0L);
            }
            var waits = new ArrayList<Long>();
            for (var d : t.getT3()) {
                var decided = d.getDate(Fields.DECIDED_AT).toInstant();
                perHour.merge(decided.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
                var received = d.getDate(Fields.RECEIVED_AT);
                if (received != null) {
                    waits.add(decided.toEpochMilli() - received.getTime());
                }
            }
            waits.sort(null);
            var median = waits.isEmpty() ? null : Duration.ofMillis(waits.get(waits.size() / 2));
            return new Snapshot(t.getT1(), t.getT2(), perHour, median, now);
        });
    }
}
