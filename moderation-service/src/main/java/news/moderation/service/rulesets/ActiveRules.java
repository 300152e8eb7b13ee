package news.moderation.service.rulesets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.moderation.service.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The engines in force: the global rule set's, and one per site that has overrides. Swapped whole and at
 * once when a version is activated, so a batch of comments is judged by one version, never half of two;
 * compiling happens on the caller's thread (the rule-set listener), never on the moderation path.
 *
 * <pre>{@code
 * Verdict v = activeRules.engineFor(comment.siteId()).evaluate(comment.text(), parentText);
 * }</pre>
 */
@Component
public class ActiveRules {

    private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** What is in force: the active versions by rule-set id, and the engines built from them (sites' by site id). */
    record Snapshot(Map<String, RuleSetVersion> versions, RuleEngine global, Map<String, RuleEngine> sites) {
    }

    private final RuleSetStore store;
    private final RuleSetCompiler compiler;
    private final Map<Outcome, Counter> activations = new EnumMap<>(Outcome.class);
    private volatile Snapshot current;

    ActiveRules(RuleSetStore store, RuleSetCompiler compiler, FilePacks files, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.compiler = compiler;
        // Registered at 0 so that the first refusal shows in increase() and can alert.
        for (var outcome : Outcome.values()) {
            activations.put(outcome, Counter.builder("moderation.rulesets.activations").tag("outcome", outcome.name())
                    .description("rule-set versions put in force or refused by this instance").register(meters));
        }
        // Start-up may block: no comment is judged before the rules in force are known.
        var seed = new RuleSetVersion(RuleSetCompiler.GLOBAL, 1, files.load(), "seed", clock.instant(),
                "seeded from moderation.rules.packs");
        store.createIndexes().then(store.append(seed)).then(store.activateIfNone(RuleSetCompiler.GLOBAL, 1, "seed", clock.instant()))
                .block(STARTUP_TIMEOUT);
        var versions = new HashMap<String, RuleSetVersion>();
        for (var active : store.actives().collectList().block(STARTUP_TIMEOUT)) {
            versions.put(active.rulesetId(), store.version(active.rulesetId(), active.version()).block(STARTUP_TIMEOUT));
        }
        versions.values().removeIf(java.util.Objects::isNull);
        this.current = build(versions);
        log.info("rules in force: {}", current.global().version());
    }

    /** The engine for comments of {@code siteId}: the global rules, with the site's overrides if it has any. */
    public RuleEngine engineFor(String siteId) {
        var snapshot = current;
        return snapshot.sites().getOrDefault(siteId, snapshot.global());
    }

    Snapshot snapshot() {
        return current;
    }

    /**
     * Puts {@code version} of {@code rulesetId} in force, unless it is what is in force already. A version that
     * does not compile is refused and the working one stays: returns false.
     */
    synchronized boolean activate(String rulesetId, long version) {
        var snapshot = current;
        var inForce = snapshot.versions().get(rulesetId);
        if (inForce != null && inForce.version() == version) {
            return true;
        }
        var loaded = store.version(rulesetId, version).block(STARTUP_TIMEOUT);
        if (loaded == null) {
            log.error("rule set {}@{} announced but not stored; keeping {}", rulesetId, version, snapshot.global().version());
            refused();
            return false;
        }
        var versions = new HashMap<>(snapshot.versions());
        versions.put(rulesetId, loaded);
        try {
            current = build(versions);
        } catch (RuntimeException e) {
            log.error("rule set {}@{} does not compile, keeping the rules in force: {}", rulesetId, version, e.getMessage());
            refused();
            return false;
        }
        log.info("rules in force now: {}", rulesetId + "@" + version);
        activations.get(Outcome.APPLIED).increment();
        return true;
    }

    private void refused() {
        activations.get(Outcome.REFUSED).increment();
    }

    enum Outcome {
        APPLIED,
        REFUSED
    }

    private Snapshot build(Map<String, RuleSetVersion> versions) {
        var global = versions.get(RuleSetCompiler.GLOBAL);
        if (global == null) {
            throw new IllegalStateException("no global rule set in force");
        }
        var globalEngine = compiler.compile(global, null);
        var sites = new HashMap<String, RuleEngine>();
        for (var entry : versions.entrySet()) {
            if (RuleSetIds.isSite(entry.getKey())) {
                sites.put(RuleSetIds.siteOf(entry.getKey()), compiler.compile(global, entry.getValue()));
            }
        }
        return new Snapshot(Map.copyOf(versions), globalEngine, Map.copyOf(sites));
    }
}
