package news.moderation.service.rulesets;

import news.moderation.service.authors.AuthorStatus;
import news.moderation.contract.CommentModerated;
import news.moderation.service.comments.DecisionOutcome;
import news.moderation.service.comments.ModeratorAction;
import news.moderation.service.comments.QueueItem;
import news.moderation.service.comments.ModeratorDecisions;
import news.moderation.service.comments.QueueQuery;
import news.moderation.service.comments.ReviewQueue;
import news.moderation.service.comments.Cursor;
import news.moderation.service.rules.Decision;
import news.moderation.service.rules.RuleEngine;
import news.moderation.contract.ModerationStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Changing rules: every edit a new immutable version checked by the engine's own reader and compiler before
 * it is stored, activation announced to every instance, and optionally applied to what is still pending.
 */
@Component
class RuleSets {

    static final String RULES = "rules";

    private final RuleSetStore store;
    private final RuleSetCompiler compiler;
    private final ActiveRules active;
    private final RuleSetAnnouncements announcements;
    private final ReviewQueue queue;
    private final ModeratorDecisions decisions;
    private final Clock clock;

    RuleSets(RuleSetStore store, RuleSetCompiler compiler, ActiveRules active, RuleSetAnnouncements announcements,
             ReviewQueue queue, ModeratorDecisions decisions, Clock clock) {
        this.store = store;
        this.compiler = compiler;
        this.active = active;
        this.announcements = announcements;
        this.queue = queue;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Applies {@code change} to version {@code baseVersion}, which must be the latest, and stores the result. */
    Mono<RuleSetChange> edit(String rulesetId, long baseVersion, UnaryOperator<RuleSetContent> change, String author,
                             String summary) {
        return store.latest(rulesetId).flatMap(latest -> {
            if (latest != baseVersion) {
                return Mono.just(new RuleSetChange.Conflict(latest));
            }
            var base = latest == 0 ? Mono.just(RuleSetContent.EMPTY)
                    : store.version(rulesetId, latest).map(RuleSetVersion::content);
            return base.flatMap(before -> {
                RuleSetContent after;
                try {
                    after = change.apply(before);
                } catch (MissingRule missing) {
                    return Mono.just(new RuleSetChange.NotFound(missing.getMessage()));
                }
                var candidate = new RuleSetVersion(rulesetId, latest + 1, after, author, clock.instant(),
                        summary != null ? summary : after.changesFrom(before));
                return check(candidate).flatMap(invalid -> invalid.isPresent()
                        ? Mono.just((RuleSetChange) invalid.get())
                        : store.append(candidate).map(stored -> stored
                                ? new RuleSetChange.Saved(candidate)
                                : new RuleSetChange.Conflict(latest + 1)));
            });
        });
    }

    /** Puts a stored version in force everywhere; with {@code remoderate}, re-judges what is still pending. */
    Mono<RuleSetChange> activate(String rulesetId, long version, String by, boolean remoderate) {
        return store.version(rulesetId, version)
                .flatMap(v -> check(v).flatMap(invalid -> {
                    if (invalid.isPresent()) {
                        return Mono.just((RuleSetChange) invalid.get());
                    }
                    return store.activate(rulesetId, version, by, clock.instant())
                            .then(announcements.announce(rulesetId, version))
                            // in force here at once, so a re-moderation that follows uses it
                            .then(Mono.fromCallable(() -> active.activate(rulesetId, version))
                                    .subscribeOn(Schedulers.boundedElastic()))
                            .then(remoderate ? remoderatePending(rulesetId) : Mono.just(0))
                            .map(count -> (RuleSetChange) new RuleSetChange.Activated(v, count));
                }))
                .defaultIfEmpty(new RuleSetChange.NotFound(rulesetId + "@" + version));
    }

    /** The engine a candidate version would give, or why it cannot be built. */
    Mono<RuleEngine> engine(RuleSetVersion candidate) {
        return Mono.fromCallable(() -> RuleSetIds.isSite(candidate.rulesetId())
                        ? compiler.compile(active.snapshot().versions().get(RuleSetCompiler.GLOBAL), candidate)
                        : compiler.compile(candidate, null))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<java.util.Optional<RuleSetChange.Invalid>> check(RuleSetVersion candidate) {
        return engine(candidate).map(engine -> java.util.Optional.<RuleSetChange.Invalid>empty())
                .onErrorResume(RuntimeException.class, e -> Mono.just(java.util.Optional.of(
                        new RuleSetChange.Invalid(withoutSource(e.getMessage())))));
    }

    /** The reader names its source as {@code name@version:line}; for an API caller the rule and the reason matter. */
    static String withoutSource(String message) {
        if (message == null) {
            return "invalid rules";
        }
        int rule = message.indexOf("rule '");
        return rule > 0 ? message.substring(rule) : message.replaceFirst("^[^ ]+:\\d+: ", "");
    }

    /**
     * Re-judges the pending comments of the sites the rule set applies to with the rules now in force: those
     * the rules would now approve or hide are decided, in their history as by {@code rules}; the rest stay.
     */
    private Mono<Integer> remoderatePending(String rulesetId) {
        var site = RuleSetIds.isSite(rulesetId) ? RuleSetIds.siteOf(rulesetId) : null;
        return pages(site, null)
                // held because of who wrote them (PREMOD, BANNED), not because of what they say: not the rules' call
                .filter(item -> item.author() == null || item.author().status() == AuthorStatus.NORMAL
                        || item.author().status() == AuthorStatus.TRUSTED)
                .concatMap(item -> {
                    var verdict = active.engineFor(item.siteId()).evaluate(item.text());
                    var action = verdict.decision() == Decision.APPROVE ? ModeratorAction.APPROVE
                            : verdict.decision() == Decision.HIDE ? ModeratorAction.HIDE : null;
                    if (action == null) {
                        return Mono.just(0);
                    }
                    return decisions.decide(item.commentId(), action, "re-moderated by " + verdict.ruleSetVersion(),
                                    CommentModerated.DECIDED_BY_RULES, item.version())
                            .map(outcome -> outcome instanceof DecisionOutcome.Applied ? 1 : 0);
                })
                .reduce(0, Integer::sum);
    }

    private Flux<QueueItem> pages(String siteId, Cursor after) {
        var query = new QueueQuery(ModerationStatus.PENDING, siteId, null, null, null, null, null,
                QueueQuery.Order.OLDEST, after, 200);
        return queue.page(query).flatMapMany(page -> {
            var items = Flux.fromIterable(page.items());
            return page.next() == null ? items : items.concatWith(Flux.defer(() -> pages(siteId, Cursor.decode(page.next()))));
        });
    }

    /** An edit named a rule the rule set does not have. */
    static final class MissingRule extends RuntimeException {
        MissingRule(String message) {
            super(message, null, false, false);
        }
    }
}
