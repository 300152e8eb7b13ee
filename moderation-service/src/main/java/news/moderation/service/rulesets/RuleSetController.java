package news.moderation.service.rulesets;

import io.swagger.v3.oas.annotations.Operation;
import news.moderation.service.web.InvalidParameter;
import news.moderation.service.rules.Verdict;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule sets for admins: read, edit (each edit a new version), activate everywhere, restore, try and backtest.
 *
 * <pre>{@code
 * curl -u demo-admin:demo -H 'Content-Type: application/json' localhost:8080/api/v1/rulesets/global/rules \
 *      -d '{"baseVersion":1,"rule":{"id":"epithet.bunker-grandpa","category":"epithet","severity":3,"terms":["bunker grandpa"]}}'
 * curl -u demo-admin:demo -H 'Content-Type: application/json' localhost:8080/api/v1/rulesets/global/activate -d '{"version":2}'
 * }</pre>
 */
@RestController
class RuleSetController {

    private final RuleSets ruleSets;
    private final RuleSetStore store;
    private final ActiveRules active;
    private final Backtest backtest;
    private final RuleHits hits;
    private final RuleSetsProperties properties;

    RuleSetController(RuleSets ruleSets, RuleSetStore store, ActiveRules active, Backtest backtest, RuleHits hits,
                      RuleSetsProperties properties) {
        this.ruleSets = ruleSets;
        this.store = store;
        this.active = active;
        this.backtest = backtest;
        this.hits = hits;
        this.properties = properties;
    }

    record Summary(String rulesetId, Long active, String activatedBy, Instant activatedAt, long latest,
                   List<VersionInfo> versions) {
    }

    record VersionInfo(long version, String author, Instant createdAt, String summary) {
    }

    record Detail(String rulesetId, long version, String author, Instant createdAt, String summary,
                  List<Map<String, Object>> rules, List<String> allow, List<Map<String, Object>> structural) {
    }

    record RuleEdit(Long baseVersion, Map<String, Object> rule) {
    }

    record VersionRequest(Long version, Long baseVersion, Boolean remoderatePending) {
    }

    record Draft(List<Map<String, Object>> rules, List<String> allow, List<Map<String, Object>> structural) {

        RuleSetContent content() {
            return new RuleSetContent(rules == null ? List.of() : rules, allow == null ? List.of() : allow,
                    structural == null ? List.of() : structural);
        }
    }

    record TestRequest(String text, String parentText, String siteId, String rulesetId, Long version, Draft draft) {
    }

    record BacktestRequest(Long version, Draft draft, Integer last, Instant from, Instant to) {
    }

    record TestResult(String decision, int score, String ruleSetVersion, List<MatchView> matches) {
    }

    @Operation(summary = "Rule sets: global and per-site, with the version in force and the newest")
    @GetMapping("/api/v1/rulesets")
    Flux<Summary> list() {
        return store.actives().concatMap(a -> summary(a.rulesetId(), false));
    }

    @Operation(summary = "A rule set's versions: who changed what and when, and which is in force")
    @GetMapping("/api/v1/rulesets/{rulesetId}")
    Mono<Summary> ruleset(@PathVariable String rulesetId) {
        return summary(checked(rulesetId), true);
    }

    @Operation(summary = "One version in full")
    @GetMapping("/api/v1/rulesets/{rulesetId}/versions/{version}")
    Mono<Detail> version(@PathVariable String rulesetId, @PathVariable long version) {
        return store.version(checked(rulesetId), version).map(RuleSetController::detail)
                .switchIfEmpty(Mono.error(notFound(rulesetId + "@" + version)));
    }

    @Operation(summary = "One rule of the version in force (or of ?version=)")
    @GetMapping("/api/v1/rulesets/{rulesetId}/rules/{ruleId}")
    Mono<Map<String, Object>> rule(@PathVariable String rulesetId, @PathVariable String ruleId,
                                   @RequestParam(required = false) Long version) {
        var v = version != null ? Mono.just(version)
                : store.active(checked(rulesetId)).map(RuleSetStore.Active::version);
        return v.flatMap(n -> store.version(rulesetId, n)).mapNotNull(d -> d.content().rule(ruleId))
                .switchIfEmpty(Mono.error(notFound("rule " + ruleId + " in " + rulesetId)));
    }

    @Operation(summary = "Add a rule (a new version, not yet in force); baseVersion must be the newest version")
    @PostMapping("/api/v1/rulesets/{rulesetId}/rules")
    Mono<ResponseEntity<Object>> add(@PathVariable String rulesetId, @RequestBody RuleEdit edit, Principal admin) {
        var rule = ruleOf(edit, null);
        return answer(ruleSets.edit(checked(rulesetId), base(edit.baseVersion()), content -> {
            if (content.rule(String.valueOf(rule.get("id"))) != null) {
                throw new InvalidParameter("rule.id", "'" + rule.get("id") + "' exists already; PUT it to change it");
            }
            return content.with(rule);
        }, admin.getName(), "added " + rule.get("id")), HttpStatus.CREATED);
    }

    @Operation(summary = "Replace a rule (a new version); in a site's set, {id, disabled: true} switches a global rule off")
    @PutMapping("/api/v1/rulesets/{rulesetId}/rules/{ruleId}")
    Mono<ResponseEntity<Object>> replace(@PathVariable String rulesetId, @PathVariable String ruleId,
                                         @RequestBody RuleEdit edit, Principal admin) {
        var rule = ruleOf(edit, ruleId);
        return answer(ruleSets.edit(checked(rulesetId), base(edit.baseVersion()), content -> {
            if (content.rule(ruleId) == null && !RuleSetIds.isSite(rulesetId)) {
                throw new RuleSets.MissingRule("rule " + ruleId + " in " + rulesetId);
            }
            return content.with(rule);
        }, admin.getName(), "changed " + ruleId), HttpStatus.OK);
    }

    @Operation(summary = "Delete a rule (a new version)")
    @DeleteMapping("/api/v1/rulesets/{rulesetId}/rules/{ruleId}")
    Mono<ResponseEntity<Object>> delete(@PathVariable String rulesetId, @PathVariable String ruleId,
                                        @RequestParam Long baseVersion, Principal admin) {
        return answer(ruleSets.edit(checked(rulesetId), base(baseVersion), content -> {
            if (content.rule(ruleId) == null) {
                throw new RuleSets.MissingRule("rule " + ruleId + " in " + rulesetId);
            }
            return content.without(ruleId);
        }, admin.getName(), "removed " + ruleId), HttpStatus.OK);
    }

    @Operation(summary = "Restore an earlier version's rules as a new version (activate it to put it in force)")
    @PostMapping("/api/v1/rulesets/{rulesetId}/restore")
    Mono<ResponseEntity<Object>> restore(@PathVariable String rulesetId, @RequestBody VersionRequest request,
                                         Principal admin) {
        long version = required(request.version(), "version");
        return store.version(checked(rulesetId), version)
                .flatMap(old -> answer(ruleSets.edit(rulesetId, base(request.baseVersion()), content -> old.content(),
                        admin.getName(), "restored version " + version), HttpStatus.CREATED))
                .switchIfEmpty(Mono.error(notFound(rulesetId + "@" + version)));
    }

    @Operation(summary = "Put a version in force on every instance; remoderatePending re-judges pending comments")
    @PostMapping("/api/v1/rulesets/{rulesetId}/activate")
    Mono<ResponseEntity<Object>> activate(@PathVariable String rulesetId, @RequestBody VersionRequest request,
                                          Principal admin) {
        long version = required(request.version(), "version");
        return answer(ruleSets.activate(checked(rulesetId), version, admin.getName(),
                Boolean.TRUE.equals(request.remoderatePending())), HttpStatus.OK);
    }

    @Operation(summary = "Try text against the rules in force, a stored version, or a draft")
    @PostMapping("/api/v1/rules/test")
    Mono<TestResult> test(@RequestBody TestRequest request) {
        if (request.text() == null || request.text().isEmpty()) {
            throw new InvalidParameter("text", "is required");
        }
        if (request.text().length() > properties.maxTestChars()) {
            throw new InvalidParameter("text", "is longer than " + properties.maxTestChars() + " characters");
        }
        return engineFor(request.rulesetId(), request.version(), request.draft(), request.siteId())
                .map(engine -> result(engine.evaluate(request.text(), request.parentText())));
    }

    @Operation(summary = "Replay stored comments through a version or a draft: progress lines, then a report "
            + "of the decisions that would change, with examples. Never changes stored verdicts.")
    @PostMapping(value = "/api/v1/rulesets/{rulesetId}/backtest", produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<Backtest.Event> backtest(@PathVariable String rulesetId, @RequestBody BacktestRequest request) {
        checked(rulesetId);
        int last = request.last() == null ? properties.backtestDefaultSample() : request.last();
        if (last < 1 || last > properties.backtestMaxSample()) {
            throw new InvalidParameter("last", "must be from 1 to " + properties.backtestMaxSample());
        }
        var candidate = candidate(rulesetId, request.version(), request.draft());
        return candidate.flatMapMany(v -> ruleSets.engine(v)
                .onErrorMap(RuntimeException.class, e -> new InvalidParameter("rules", RuleSets.withoutSource(e.getMessage())))
                .flatMapMany(engine -> backtest.run(v, engine, new Backtest.Sample(last, request.from(), request.to()))));
    }

    @Operation(summary = "How often a rule matched (all instances, per day)")
    @GetMapping("/api/v1/rules/{ruleId}/stats")
    Mono<RuleHits.Stats> stats(@PathVariable String ruleId) {
        return hits.stats(ruleId);
    }

    private Mono<news.moderation.service.rules.RuleEngine> engineFor(String rulesetId, Long version, Draft draft,
                                                                    String siteId) {
        if (draft == null && version == null) {
            return Mono.just(active.engineFor(siteId == null ? "" : siteId));
        }
        var id = rulesetId == null ? RuleSetCompiler.GLOBAL : checked(rulesetId);
        return candidate(id, version, draft).flatMap(v -> ruleSets.engine(v)
                .onErrorMap(RuntimeException.class, e -> new InvalidParameter("draft", RuleSets.withoutSource(e.getMessage()))));
    }

    private Mono<RuleSetVersion> candidate(String rulesetId, Long version, Draft draft) {
        if (draft != null) {
            return Mono.just(new RuleSetVersion(rulesetId, 0, draft.content(), "draft", Instant.EPOCH, "draft"));
        }
        var v = version != null ? Mono.just(version) : store.active(rulesetId).map(RuleSetStore.Active::version);
        return v.flatMap(n -> store.version(rulesetId, n)).switchIfEmpty(Mono.error(notFound(rulesetId
                + (version == null ? " (no version in force)" : "@" + version))));
    }

    private Mono<Summary> summary(String rulesetId, boolean withVersions) {
        var active = store.active(rulesetId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
        return Mono.zip(active, store.latest(rulesetId),
                        withVersions ? store.history(rulesetId).map(RuleSetController::info).collectList() : Mono.just(List.<VersionInfo>of()))
                .flatMap(t -> t.getT2() == 0 && t.getT1().isEmpty() ? Mono.error(notFound("rule set " + rulesetId))
                        : Mono.just(new Summary(rulesetId, t.getT1().map(RuleSetStore.Active::version).orElse(null),
                        t.getT1().map(RuleSetStore.Active::activatedBy).orElse(null),
                        t.getT1().map(RuleSetStore.Active::activatedAt).orElse(null), t.getT2(), t.getT3())));
    }

    private static VersionInfo info(RuleSetVersion v) {
        return new VersionInfo(v.version(), v.author(), v.createdAt(), v.summary());
    }

    private static Detail detail(RuleSetVersion v) {
        return new Detail(v.rulesetId(), v.version(), v.author(), v.createdAt(), v.summary(), v.content().rules(),
                v.content().allow(), v.content().structural());
    }

    static TestResult result(Verdict verdict) {
        return new TestResult(verdict.decision().name(), verdict.score(), verdict.ruleSetVersion(),
                verdict.matches().stream().map(MatchView::of).toList());
    }

    private static Map<String, Object> ruleOf(RuleEdit edit, String pathId) {
        if (edit == null || edit.rule() == null) {
            throw new InvalidParameter("rule", "is required: a rule in the pack format, e.g. {\"id\":…,\"category\":…,"
                    + "\"severity\":…,\"terms\":[…]}");
        }
        var rule = new LinkedHashMap<>(edit.rule());
        var id = rule.get("id");
        if (pathId != null && id == null) {
            rule.put("id", pathId);
        } else if (!(id instanceof String text) || text.isBlank()) {
            throw new InvalidParameter("rule.id", "is required");
        } else if (pathId != null && !pathId.equals(text)) {
            throw new InvalidParameter("rule.id", "'" + text + "' differs from the rule in the path, '" + pathId + "'");
        }
        return rule;
    }

    private static long base(Long baseVersion) {
        return required(baseVersion, "baseVersion");
    }

    private static long required(Long value, String field) {
        if (value == null || value < 0) {
            throw new InvalidParameter(field, "is required: a version number (GET the rule set for the newest)");
        }
        return value;
    }

    private static String checked(String rulesetId) {
        if (!RuleSetIds.isValid(rulesetId)) {
            throw new InvalidParameter("rulesetId", "must be 'global' or 'site:<siteId>'");
        }
        return rulesetId;
    }

    private static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what);
    }

    private static Mono<ResponseEntity<Object>> answer(Mono<RuleSetChange> change, HttpStatus success) {
        return change.<ResponseEntity<Object>>map(c -> {
            if (c instanceof RuleSetChange.Saved saved) {
                return ResponseEntity.status(success).body((Object) detail(saved.version()));
            }
            if (c instanceof RuleSetChange.Activated activated) {
                var body = new LinkedHashMap<String, Object>();
                body.put("rulesetId", activated.version().rulesetId());
                body.put("active", activated.version().version());
                body.put("remoderated", activated.remoderated());
                return ResponseEntity.ok((Object) body);
            }
            if (c instanceof RuleSetChange.Conflict conflict) {
                var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "the rule set changed since your base version; re-read version " + conflict.latest()
                                + " and redo the edit");
                problem.setTitle("Stale version");
                problem.setProperty("latest", conflict.latest());
                return ResponseEntity.status(HttpStatus.CONFLICT).body((Object) problem);
            }
            if (c instanceof RuleSetChange.Invalid invalid) {
                var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.reason());
                problem.setTitle("Invalid rules");
                problem.setProperty("errors", List.of(Map.of("field", "rule", "reason", invalid.reason())));
                return ResponseEntity.badRequest().body((Object) problem);
            }
            var missing = (RuleSetChange.NotFound) c;
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body((Object) ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no " + missing.what()));
        }).onErrorResume(InvalidParameter.class, e -> Mono.just(ResponseEntity.badRequest().body((Object) e.getBody())));
    }
}
