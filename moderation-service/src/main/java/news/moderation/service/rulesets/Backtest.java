package news.moderation.service.rulesets;

import news.moderation.service.comments.CommentStore;
import news.moderation.service.rules.RuleEngine;
import news.moderation.service.rules.Verdict;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replays stored comments through candidate rules and counts how their decisions would change against the
 * rules in force. Read-only: stored verdicts are never touched.
 */
@Component
class Backtest {

    static final int CHUNK = 500;
    static final int EXAMPLES = 5;

    private final CommentStore comments;
    private final ActiveRules active;

    Backtest(CommentStore comments, ActiveRules active) {
        this.comments = comments;
        this.active = active;
    }

    /** Which comments to replay: the newest {@code limit}, optionally only those received in {@code [from, to)}. */
    record Sample(int limit, Instant from, Instant to) {
    }

    sealed interface Event permits Progress, Report {
    }

    record Progress(String type, int processed) implements Event {
    }

    record Example(String commentId, String excerpt, String before, int beforeScore, String after, int afterScore,
                   List<MatchView> matches) {
    }

    record Report(String type, String candidate, String inForce, int replayed, int changed,
                  Map<String, Integer> transitions, Map<String, List<Example>> examples) implements Event {
    }

    /** Progress after each chunk, then the report. */
    Flux<Event> run(RuleSetVersion candidateVersion, RuleEngine candidate, Sample sample) {
        var site = RuleSetIds.isSite(candidateVersion.rulesetId())
                ? RuleSetIds.siteOf(candidateVersion.rulesetId()) : null;
        var tally = new Tally();
        var progress = comments.recent(sample.from(), sample.to(), sample.limit())
                .filter(c -> site == null || site.equals(c.siteId()))
                .buffer(CHUNK)
                .concatMap(chunk -> parents(chunk).publishOn(Schedulers.parallel()).map(parentTexts -> {
                    for (var c : chunk) {
                        var parent = c.parentId() == null ? null : parentTexts.get(c.parentId());
                        var before = active.engineFor(c.siteId()).evaluate(c.text(), parent);
                        var after = candidate.evaluate(c.text(), parent);
                        tally.add(c, before, after);
                    }
                    return (Event) new Progress("progress", tally.replayed);
                }));
        return progress.concatWith(Mono.fromSupplier(() -> tally.report(candidateVersion.label(),
                active.engineFor(site == null ? "" : site).version())));
    }

    private Mono<Map<String, String>> parents(List<CommentStore.StoredText> chunk) {
        var ids = chunk.stream().map(CommentStore.StoredText::parentId).filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Mono.just(Map.of()) : comments.textsOf(ids);
    }

    private static final class Tally {
        int replayed;
        int changed;
        final Map<String, Integer> transitions = new LinkedHashMap<>();
        final Map<String, List<Example>> examples = new LinkedHashMap<>();

        void add(CommentStore.StoredText c, Verdict before, Verdict after) {
            replayed++;
            if (before.decision() == after.decision()) {
                return;
            }
            changed++;
            var key = before.decision() + "->" + after.decision();
            transitions.merge(key, 1, Integer::sum);
            var list = examples.computeIfAbsent(key, k -> new ArrayList<>());
            if (list.size() < EXAMPLES) {
                list.add(new Example(c.commentId(), excerpt(c.text()), before.decision().name(), before.score(),
                        after.decision().name(), after.score(), after.matches().stream().map(MatchView::of).toList()));
            }
        }

        Report report(String candidate, String inForce) {
            return new Report("report", candidate, inForce, replayed, changed, transitions, examples);
        }

        static String excerpt(String text) {
            return text.length() <= 200 ? text : text.substring(0, 199) + "…";
        }
    }
}
