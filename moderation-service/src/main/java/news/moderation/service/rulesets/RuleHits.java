package news.moderation.service.rulesets;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import news.moderation.service.rules.Match;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts matches per rule. Rule ids are too many, and too changeable, for Prometheus tags (metrics count by
 * category); these counts are summed in memory and added to MongoDB every few seconds, one small upsert per
 * rule that matched, so every instance's hits add up.
 *
 * <pre>{@code
 * curl -u demo-admin:demo localhost:8080/api/v1/rules/epithet.dwarf/stats
 * }</pre>
 */
@Component
public class RuleHits {

    private static final Logger log = LoggerFactory.getLogger(RuleHits.class);
    static final String COLLECTION = "rule_stats";

    record Stats(String ruleId, long hits, Map<String, Long> perDay) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final ConcurrentHashMap<String, LongAdder> pending = new ConcurrentHashMap<>();

    RuleHits(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void record(List<Match> matches) {
        for (var match : matches) {
            pending.computeIfAbsent(match.ruleId(), id -> new LongAdder()).increment();
        }
    }

    @Scheduled(fixedDelayString = "${moderation.rulesets.hits-flush-interval:10s}")
    void flush() {
        var day = "days." + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var writes = new ArrayList<UpdateOneModel<Document>>();
        for (var entry : pending.entrySet()) {
            // reset, not removed: a hit counted while we read lands in the next flush instead of a dropped adder
            long n = entry.getValue().sumThenReset();
            if (n == 0) {
                continue;
            }
            var id = entry.getKey();
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(Updates.inc("hits", n),
                    Updates.inc(day, n)), new UpdateOptions().upsert(true)));
        }
        if (writes.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.bulkWrite(writes))).block(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            // counts are statistics, not verdicts: losing one interval's worth is better than holding the pipeline
            log.warn("could not store rule hit counts ({} rules): {}", writes.size(), e.getMessage());
        }
    }

    Mono<Stats> stats(String ruleId) {
        return mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.find(Filters.eq("_id", ruleId)).first()))
                .map(d -> {
                    var days = new TreeMap<String, Long>();
                    var stored = d.get("days", Document.class);
                    if (stored != null) {
                        stored.forEach((k, v) -> days.put(k, ((Number) v).longValue()));
                    }
                    return new Stats(ruleId, ((Number) d.get("hits")).longValue(), days);
                })
                .defaultIfEmpty(new Stats(ruleId, 0, Map.of()));
    }
}
