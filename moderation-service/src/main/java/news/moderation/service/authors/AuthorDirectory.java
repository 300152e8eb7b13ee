package news.moderation.service.authors;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Authors' records: counts of their comments by outcome, and the standing that the pipeline honours.
 * Counters move with each stored verdict and each decision (no transactions: a crash between a comment's
 * write and its author's can leave a count one off, which a record for moderators tolerates).
 *
 * <pre>{@code
 * directory.setStatus("u-7", AuthorStatus.PREMOD, "three hidden comments this week", "admin");
 * directory.statuses(List.of("u-7")).block().get("u-7");   // PREMOD
 * }</pre>
 */
@Component
public class AuthorDirectory {

    static final String AUTHORS = "authors";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AuthorDirectory(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A new comment by {@code authorId} was stored with {@code status}. */
    public record NewComment(String authorId, String name, ModerationStatus status) {
    }

    public Mono<Void> recordNew(List<NewComment> comments) {
        if (comments.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (var c : comments) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", c.authorId()), Updates.combine(
                    Updates.setOnInsert("status", AuthorStatus.NORMAL.name()),
                    Updates.set("name", c.name()),
                    Updates.inc("seen", 1L),
                    Updates.inc(counter(c.status()), 1L)), new UpdateOptions().upsert(true)));
        }
        return authors().flatMap(a -> Mono.from(a.bulkWrite(writes, new BulkWriteOptions().ordered(false)))).then();
    }

    /** A decision moved one of the author's comments from one status to another. */
    public Mono<Void> recordChange(String authorId, ModerationStatus from, ModerationStatus to) {
        return authors().flatMap(a -> Mono.from(a.updateOne(Filters.eq("_id", authorId),
                Updates.combine(Updates.inc(counter(from), -1L), Updates.inc(counter(to), 1L))))).then();
    }

    public Mono<Map<String, AuthorSummary>> summaries(Collection<String> authorIds) {
        return authors().flatMapMany(a -> Flux.from(a.find(Filters.in("_id", authorIds))))
                .collectMap(d -> d.getString("_id"), AuthorDirectory::summary)
                .map(found -> {
                    var all = new HashMap<String, AuthorSummary>(found);
                    authorIds.forEach(id -> all.putIfAbsent(id, AuthorSummary.unknown(id)));
                    return all;
                });
    }

    public Mono<Map<String, AuthorStatus>> statuses(Collection<String> authorIds) {
        return summaries(authorIds).map(summaries -> {
            var statuses = new HashMap<String, AuthorStatus>();
            summaries.forEach((id, s) -> statuses.put(id, s.status()));
            return statuses;
        });
    }

    /** The author's record with their status history, newest last. */
    public Mono<AuthorRecord> find(String authorId) {
        return authors().flatMap(a -> Mono.from(a.find(Filters.eq("_id", authorId)).first()))
                .map(d -> new AuthorRecord(summary(d), history(d)))
                .defaultIfEmpty(new AuthorRecord(AuthorSummary.unknown(authorId), List.of()));
    }

    public Mono<AuthorRecord> setStatus(String authorId, AuthorStatus status, String reason, String by) {
        var entry = new Document("at", Date.from(clock.instant())).append("by", by).append("status", status.name());
        if (reason != null) {
            entry.append("reason", reason);
        }
        return authors().flatMap(a -> Mono.from(a.findOneAndUpdate(Filters.eq("_id", authorId),
                        Updates.combine(Updates.set("status", status.name()), Updates.push("history", entry)),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))))
                .map(d -> new AuthorRecord(summary(d), history(d)));
    }

    /** The full record: counts and status, and who changed the status when and why. */
    public record AuthorRecord(AuthorSummary summary, List<StatusChange> history) {
    }

    public record StatusChange(java.time.Instant at, String by, AuthorStatus status, String reason) {
    }

    private static List<StatusChange> history(Document d) {
        var out = new ArrayList<StatusChange>();
        for (var h : d.getList("history", Document.class, List.of())) {
            out.add(new StatusChange(h.getDate("at").toInstant(), h.getString("by"),
                    AuthorStatus.valueOf(h.getString("status")), h.getString("reason")));
        }
        return out;
    }

    private static AuthorSummary summary(Document d) {
        return new AuthorSummary(d.getString("_id"), d.getString("name"),
                AuthorStatus.valueOf(d.get("status", AuthorStatus.NORMAL.name())), number(d, "seen"),
                number(d, "approved"), number(d, "pending"), number(d, "hidden"));
    }

    private static long number(Document d, String field) {
        var value = d.get(field);
        return value instanceof Number n ? Math.max(0, n.longValue()) : 0;
    }

    private static String counter(ModerationStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private Mono<MongoCollection<Document>> authors() {
        return mongo.getCollection(AUTHORS);
    }
}
