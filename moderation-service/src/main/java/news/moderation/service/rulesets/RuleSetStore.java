package news.moderation.service.rulesets;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Rule sets in MongoDB: every version an immutable document ({@code ruleset_versions}, id
 * {@code "global@3"}), and per rule set the version in force ({@code rulesets}). A version's id is its
 * lock: two admins saving on the same base race for the same id and the loser gets a conflict, without
 * transactions.
 */
@Component
class RuleSetStore {

    static final String VERSIONS = "ruleset_versions";
    static final String ACTIVE = "rulesets";

    record Active(String rulesetId, long version, String activatedBy, java.time.Instant activatedAt) {
    }

    private final ReactiveMongoTemplate mongo;

    RuleSetStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private Mono<MongoCollection<Document>> versions() {
        return mongo.getCollection(VERSIONS);
    }

    private Mono<MongoCollection<Document>> active() {
        return mongo.getCollection(ACTIVE);
    }

    Mono<Void> createIndexes() {
        return versions().flatMap(c -> Mono.from(c.createIndex(
                com.mongodb.client.model.Indexes.compoundIndex(com.mongodb.client.model.Indexes.ascending("rulesetId"),
                        com.mongodb.client.model.Indexes.descending("version")),
                new com.mongodb.client.model.IndexOptions().name("by_ruleset")))).then();
    }

    Mono<RuleSetVersion> version(String rulesetId, long version) {
        return versions().flatMap(c -> Mono.from(c.find(Filters.eq("_id", rulesetId + "@" + version)).first()))
                .map(RuleSetStore::fromDocument);
    }

    /** The newest version's number, 0 when the rule set has none. */
    Mono<Long> latest(String rulesetId) {
        return versions().flatMap(c -> Mono.from(c.find(Filters.eq("rulesetId", rulesetId))
                        .sort(Sorts.descending("version")).projection(new Document("version", 1)).first()))
                .map(d -> d.getLong("version")).defaultIfEmpty(0L);
    }

    /** Versions without their rules, oldest first. */
    Flux<RuleSetVersion> history(String rulesetId) {
        return versions().flatMapMany(c -> Flux.from(c.find(Filters.eq("rulesetId", rulesetId))
                        .projection(new Document("rules", 0).append("allow", 0).append("structural", 0))
                        .sort(Sorts.ascending("version"))))
                .map(RuleSetStore::fromDocument);
    }

    /** Stores a new version; false when another one took its number first. */
    Mono<Boolean> append(RuleSetVersion v) {
        var doc = new Document("_id", v.label())
                .append("rulesetId", v.rulesetId())
                .append("version", v.version())
                .append("rules", v.content().rules())
                .append("allow", v.content().allow())
                .append("structural", v.content().structural())
                .append("author", v.author())
                .append("createdAt", Date.from(v.createdAt()))
                .append("summary", v.summary());
        return versions().flatMap(c -> Mono.from(c.insertOne(doc)))
                .thenReturn(true)
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.just(false));
    }

    Mono<Void> activate(String rulesetId, long version, String by, java.time.Instant at) {
        return active().flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", rulesetId), Updates.combine(
                Updates.set("version", version), Updates.set("activatedBy", by), Updates.set("activatedAt", Date.from(at))),
                new UpdateOptions().upsert(true)))).then();
    }

    /** Makes {@code version} the active one unless the rule set already has one (first start of many instances). */
    Mono<Void> activateIfNone(String rulesetId, long version, String by, java.time.Instant at) {
        return active().flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", rulesetId), Updates.combine(
                Updates.setOnInsert("version", version), Updates.setOnInsert("activatedBy", by),
                Updates.setOnInsert("activatedAt", Date.from(at))), new UpdateOptions().upsert(true))))
                .onErrorResume(e -> e instanceof MongoWriteException w
                        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY, e -> Mono.empty())
                .then();
    }

    Flux<Active> actives() {
        return active().flatMapMany(c -> Flux.from(c.find())).map(RuleSetStore::activeOf);
    }

    Mono<Active> active(String rulesetId) {
        return active().flatMap(c -> Mono.from(c.find(Filters.eq("_id", rulesetId)).first())).map(RuleSetStore::activeOf);
    }

    /** Plain maps and lists, so a stored rule equals the same rule as an admin sends it. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            var out = new java.util.LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RuleSetStore::plain).toList();
        }
        return value;
    }

    private static Active activeOf(Document d) {
        return new Active(d.getString("_id"), d.getLong("version"), d.getString("activatedBy"),
                d.getDate("activatedAt").toInstant());
    }

    @SuppressWarnings("unchecked")
    private static RuleSetVersion fromDocument(Document d) {
        var content = new RuleSetContent(
                (List<Map<String, Object>>) plain(d.getList("rules", Document.class, List.of())),
                d.getList("allow", String.class, List.of()),
                (List<Map<String, Object>>) plain(d.getList("structural", Document.class, List.of())));
        return new RuleSetVersion(d.getString("rulesetId"), d.getLong("version"), content, d.getString("author"),
                d.getDate("createdAt").toInstant(), d.getString("summary"));
    }
}
