package news.moderation.service.pipeline;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.contract.ModerationStatus;
import news.moderation.contract.SubmittedDecoding;
import news.moderation.service.authors.AuthorDirectory;
import news.moderation.service.authors.AuthorPolicy;
import news.moderation.service.authors.AuthorStatus;
import news.moderation.service.comments.AutomaticVerdict;
import news.moderation.service.comments.CommentStore;
import news.moderation.service.comments.VerdictEvents;
import news.moderation.service.rules.Category;
import news.moderation.service.rules.Match;
import news.moderation.service.rulesets.ActiveRules;
import news.moderation.service.rulesets.RuleHits;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One batch of submitted records to stored, published verdicts. Runs on the listener's thread, where
 * blocking is fine and the rules' CPU work belongs, and returns only when the batch is stored.
 */
@Component
class ModerationPipeline {

    private final ActiveRules rules;
    private final RuleHits hits;
    private final CommentStore store;
    private final VerdictEvents events;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Clock clock;
    private final DistributionSummary batchSize;
    private final Timer storeLatency;
    private final Timer verdictLatency;

    private final AuthorDirectory authors;
    private final PipelineProperties properties;

    ModerationPipeline(ActiveRules rules, RuleHits hits, CommentStore store, VerdictEvents events, DeadLetters deadLetters,
                       MeterRegistry meters, Clock clock, AuthorDirectory authors, PipelineProperties properties) {
        this.authors = authors;
        this.properties = properties;
        this.rules = rules;
        this.hits = hits;
        this.store = store;
        this.events = events;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.clock = clock;
        this.batchSize = DistributionSummary.builder("moderation.pipeline.batch.size")
                .description("records per consumed batch").publishPercentileHistogram().register(meters);
        this.storeLatency = Timer.builder("moderation.store.latency")
                .description("storing a batch's verdicts and publishing their events").publishPercentileHistogram()
                .register(meters);
        this.verdictLatency = Timer.builder("moderation.verdict.latency")
                .description("from ingest's receivedAt to the stored verdict").publishPercentileHistogram()
                .register(meters);
        // Every series exists from the start at zero: a counter born at 1 has no earlier sample, so
        // increase() would miss the first dead letter and the alert on it would never fire.
        for (var problem : SubmittedDecoding.Problem.values()) {
            meters.counter("moderation.dead.letters", "reason", problem.name());
        }
        for (var status : ModerationStatus.values()) {
            meters.counter("moderation.verdicts", "decision", status.name());
        }
        for (var category : Category.values()) {
            meters.counter("moderation.rule.matches", "category", category.name());
        }
    }

    void process(List<ConsumerRecord<String, byte[]>> records, Duration timeout) {
        batchSize.record(records.size());
        var comments = new ArrayList<CommentSubmitted>(records.size());
        var poison = new ArrayList<reactor.core.publisher.Mono<Void>>();
        for (var record : records) {
            var decoded = ContractJson.decodeSubmitted(record.value());
            if (decoded instanceof SubmittedDecoding.Valid valid) {
                comments.add(valid.event());
            } else if (decoded instanceof SubmittedDecoding.Invalid invalid) {
                meters.counter("moderation.dead.letters", "reason", invalid.problem().name()).increment();
                poison.add(deadLetters.send(record, invalid));
            }
        }
        Flux.merge(poison).then().block(timeout);
        var parents = parentTexts(comments, timeout);
        var standing = comments.isEmpty() ? Map.<String, AuthorStatus>of()
                : authors.statuses(comments.stream().map(CommentSubmitted::authorId).distinct().toList()).block(timeout);
        var policy = new AuthorPolicy(properties.trustedMaxScore());
        var verdicts = new ArrayList<AutomaticVerdict>(comments.size());
        var ids = new LinkedHashSet<String>();
        for (var comment : comments) {
            var parent = comment.parentId() == null ? null : parents.get(comment.parentId());
            var verdict = rules.engineFor(comment.siteId()).evaluate(comment.text(), parent);
            hits.record(verdict.matches());
            var outcome = policy.apply(standing.getOrDefault(comment.authorId(), AuthorStatus.NORMAL),
                    AutomaticVerdict.statusOf(verdict.decision()), verdict.score());
            verdicts.add(new AutomaticVerdict(comment, verdict, outcome.status(), outcome.why(), excerpt(parent)));
            ids.add(comment.commentId());
        }
        long started = System.nanoTime();
        var inserted = store.storeAutomaticVerdicts(verdicts).block(timeout);
        var newComments = verdicts.stream().filter(v -> inserted != null && inserted.contains(v.comment().commentId()))
                .map(v -> new AuthorDirectory.NewComment(v.comment().authorId(), v.comment().authorName(), v.status()))
                .toList();
        authors.recordNew(newComments).then(events.publishPending(ids)).block(timeout);
        storeLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        var now = clock.instant();
        for (var comment : comments) {
            var latency = Duration.between(comment.receivedAt(), now);
            if (!latency.isNegative()) {
                verdictLatency.record(latency);
            }
        }
        count(verdicts);
    }

    /** Replies are judged with their parent's text, so quoting abuse to answer it never hides a reply. */
    private Map<String, String> parentTexts(List<CommentSubmitted> comments, Duration timeout) {
        var inBatch = new HashMap<String, String>();
        comments.forEach(c -> inBatch.put(c.commentId(), c.text()));
        var missing = new HashSet<String>();
        for (var comment : comments) {
            if (comment.parentId() != null && !inBatch.containsKey(comment.parentId())) {
                missing.add(comment.parentId());
            }
        }
        if (!missing.isEmpty()) {
            var stored = store.textsOf(missing).block(timeout);
            if (stored != null) {
                inBatch.putAll(stored);
            }
        }
        return inBatch;
    }

    private String excerpt(String parent) {
        if (parent == null) {
            return null;
        }
        int max = properties.parentExcerptLength();
        return parent.length() <= max ? parent : parent.substring(0, max) + "…";
    }

    private void count(List<AutomaticVerdict> verdicts) {
        for (var v : verdicts) {
            meters.counter("moderation.verdicts", "decision", v.status().name()).increment();
            for (var category : v.verdict().matches().stream().map(Match::category).distinct().toList()) {
                meters.counter("moderation.rule.matches", "category", category.name()).increment();
            }
        }
    }
}
