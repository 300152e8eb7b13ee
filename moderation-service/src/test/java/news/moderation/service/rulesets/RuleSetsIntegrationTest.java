package news.moderation.service.rulesets;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.local.TestServices;
import news.moderation.service.ModerationServiceApplication;
import news.moderation.service.support.KafkaTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one broker and one database: rules changed through one instance's API take effect on
 * the other without a restart; what does not validate is refused and the rules in force keep working.
 */
@SuppressWarnings("unchecked")
class RuleSetsIntegrationTest {

    static final String RUN = TestServices.uniqueName("rulesets");
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static WebTestClient a;
    static WebTestClient b;
    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @BeforeAll
    static void start() {
        first = instance();
        second = instance();
        a = client(first);
        b = client(second);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    static ConfigurableApplicationContext instance() {
        var arguments = new ArrayList<>(TestServices.moderationRunArguments(RUN));
        arguments.addAll(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestServices.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + TestServices.mongoUri(),
                "--moderation.rulesets.hits-flush-interval=500ms",
                "--moderation.security.users[0].username=admin",
                "--moderation.security.users[0].password={noop}pw",
                "--moderation.security.users[0].roles=ADMIN,MODERATOR",
                "--moderation.security.users[1].username=mod",
                "--moderation.security.users[1].password={noop}pw",
                "--moderation.security.users[1].roles=MODERATOR"));
        return new SpringApplicationBuilder(ModerationServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .defaultHeaders(h -> h.setBasicAuth("admin", "pw"))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    static long latest(WebTestClient http, String rulesetId) {
        var body = http.get().uri("/api/v1/rulesets/{id}", rulesetId).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        return ((Number) body.get("latest")).longValue();
    }

    static Map<String, Object> addRule(WebTestClient http, String rulesetId, long base, Map<String, Object> rule) {
        return http.post().uri("/api/v1/rulesets/{id}/rules", rulesetId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("baseVersion", base, "rule", rule)).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
    }

    static void activate(WebTestClient http, String rulesetId, long version) {
        http.post().uri("/api/v1/rulesets/{id}/activate", rulesetId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", version)).exchange().expectStatus().isOk().expectBody();
    }

    static Map<String, Object> test(WebTestClient http, String text, String siteId) {
        var body = siteId == null ? Map.of("text", text) : Map.of("text", text, "siteId", siteId);
        return http.post().uri("/api/v1/rules/test").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    static Map<String, Object> rule(String id, String... terms) {
        return Map.of("id", id, "category", "epithet", "severity", 3, "terms", List.of(terms));
    }

    static String unique(String prefix) {
        // letters only (digits would read as leetspeak): each of a UUID's first 8 hex digits as one of a..p;
        // keeping only the UUID's own letters a..f left fewer than 6 now and then
        var hex = UUID.randomUUID().toString();
        var suffix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            suffix.append((char) ('a' + Character.digit(hex.charAt(i), 16)));
        }
        return prefix + suffix;
    }

    @Test
    void aRuleAddedAndActivatedOnOneInstanceJudgesCommentsOnTheOtherWithinSeconds() {
        var word = unique("grandpa");
        var text = "Only a " + word + " would sign this.";
        assertThat(test(b, text, null)).containsEntry("decision", "APPROVE");

        long base = latest(a, "global");
        var saved = addRule(a, "global", base, rule("test." + word, word));
        long version = ((Number) saved.get("version")).longValue();
        assertThat(version).isEqualTo(base + 1);
        assertThat((String) saved.get("summary")).contains("test." + word);
        // stored, not yet in force
        assertThat(test(b, text, null)).containsEntry("decision", "APPROVE");

        activate(a, "global", version);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var verdict = test(b, text, null);
            assertThat(verdict).containsEntry("decision", "REVIEW");
            assertThat((String) verdict.get("ruleSetVersion")).startsWith("global@" + version);
            var match = ((List<Map<String, Object>>) verdict.get("matches")).get(0);
            assertThat(match).containsEntry("ruleId", "test." + word).containsEntry("start", 7)
                    .containsEntry("text", word);
        });

        // and the verdicts stored from now on name the version that produced them
        var id = "c-" + UUID.randomUUID();
        kafka.send(RUN + ".submitted", "t-1", ContractJson.write(CommentSubmitted.of(UUID.randomUUID(), id, "test-site",
                "t-1", "A thread", null, null, "author-1", "Reader", text, Instant.now(), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var comment = a.get().uri("/api/v1/comments/{id}", id).exchange().expectStatus().isOk()
                    .expectBody(JSON).returnResult().getResponseBody();
            assertThat(comment.toString()).contains("global@" + version).contains("test." + word);
        });
    }

    @Test
    void aRegexRe2jRejectsIsRefusedNamingTheRuleAndNothingChanges() {
        long base = latest(a, "global");
        var problem = a.post().uri("/api/v1/rulesets/global/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("baseVersion", base, "rule", Map.of("id", "test.lookbehind", "category", "insult",
                        "severity", 2, "regex", "(?<=you )idiot")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat((String) problem.get("detail")).contains("test.lookbehind").contains("regex rejected by RE2J");
        assertThat(latest(a, "global")).isEqualTo(base);

        var unknownCategory = a.post().uri("/api/v1/rulesets/global/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("baseVersion", base, "rule", Map.of("id", "test.cat", "category", "rudeness",
                        "severity", 2, "terms", List.of("x"))))
                .exchange().expectStatus().isBadRequest().expectBody(JSON).returnResult().getResponseBody();
        assertThat((String) unknownCategory.get("detail")).contains("unknown category 'rudeness'");
    }

    @Test
    void anAnnouncedVersionThatCannotBeLoadedNeverReplacesTheWorkingRules() {
        var before = (String) test(b, "you idiot", null).get("ruleSetVersion");
        kafka.send(RUN + ".rulesets", "global", "987654".getBytes(StandardCharsets.UTF_8));
        var refused = second.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> refused.find("moderation.rulesets.activations")
                .tag("outcome", "REFUSED").counters().stream().mapToDouble(c -> c.count()).sum() >= 1);
        var after = test(b, "you idiot", null);
        assertThat(after).containsEntry("ruleSetVersion", before).containsEntry("decision", "REVIEW");
    }

    @Test
    void twoEditsOnTheSameBaseVersionOneWinsTheOtherGets409() {
        long base = latest(a, "global");
        addRule(a, "global", base, rule(unique("test.first"), unique("firstterm")));
        var conflict = b.post().uri("/api/v1/rulesets/global/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("baseVersion", base, "rule", rule(unique("test.second"), unique("secondterm"))))
                .exchange().expectStatus().isEqualTo(409).expectBody(JSON).returnResult().getResponseBody();
        assertThat(((Number) conflict.get("latest")).longValue()).isEqualTo(base + 1);
    }

    @Test
    void restoringAnEarlierVersionBringsBackItsRules() {
        var word = unique("restoreword");
        long before = latest(a, "global");
        var added = addRule(a, "global", before, rule("test." + word, word));
        activate(a, "global", ((Number) added.get("version")).longValue());
        await().atMost(Duration.ofSeconds(15)).until(() -> "REVIEW".equals(test(a, "the " + word, null).get("decision")));

        var restored = a.post().uri("/api/v1/rulesets/global/restore").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", before, "baseVersion", before + 1)).exchange()
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        long version = ((Number) restored.get("version")).longValue();
        assertThat(restored).containsEntry("summary", "restored version " + before);
        activate(a, "global", version);
        await().atMost(Duration.ofSeconds(15)).until(() -> "APPROVE".equals(test(b, "the " + word, null).get("decision")));

        var history = a.get().uri("/api/v1/rulesets/global").exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(((Number) history.get("active")).longValue()).isEqualTo(version);
        assertThat((List<Map<String, Object>>) history.get("versions")).extracting(v -> v.get("author"))
                .contains("seed", "admin");
    }

    @Test
    void aSiteOverrideSwitchesAGlobalRuleOffForThatSiteOnlyAndCanReModeratePending() {
        var site = unique("site-");
        var id = "held-" + UUID.randomUUID();
        kafka.send(RUN + ".submitted", "t-" + site, ContractJson.write(CommentSubmitted.of(UUID.randomUUID(), id, site,
                "t-" + site, "A thread", null, null, "author-" + site, "Reader", "Only the dwarf would sign this.",
                Instant.now(), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> a.get().uri("/api/v1/comments/{id}", id).exchange()
                .expectBody(JSON).returnResult().getResponseBody().toString().contains("PENDING"));

        var saved = a.put().uri("/api/v1/rulesets/site:{s}/rules/epithet.dwarf", site).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("baseVersion", 0, "rule", Map.of("disabled", true))).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        var activated = a.post().uri("/api/v1/rulesets/site:{s}/activate", site).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("version", saved.get("version"), "remoderatePending", true)).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        assertThat(activated).containsEntry("remoderated", 1);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(test(b, "Only the dwarf would sign this.", site)).containsEntry("decision", "APPROVE");
            assertThat(test(b, "Only the dwarf would sign this.", null)).containsEntry("decision", "REVIEW");
        });
        var comment = a.get().uri("/api/v1/comments/{id}", id).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(comment.toString()).contains("APPROVED").contains("re-moderated by");
    }

    @Test
    void aBacktestReportsTheDecisionsADraftWouldChangeAndLeavesStoredVerdictsAlone() {
        var word = unique("backtestword");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 7; i++) {
            var id = "bt-" + i + "-" + UUID.randomUUID();
            ids.add(id);
            var text = i < 4 ? "What a " + word + " this one is, number " + i : "A plain remark about buses, number " + i;
            kafka.send(RUN + ".submitted", "bt", ContractJson.write(CommentSubmitted.of(UUID.randomUUID(), id, "test-site",
                    "bt", "Backtest", null, null, "author-bt", "Reader", text, Instant.now(), Instant.now())));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id ->
                a.get().uri("/api/v1/comments/{id}", id).exchange().returnResult(JSON).getStatus().is2xxSuccessful()));

        var active = a.get().uri("/api/v1/rulesets/global/versions/{v}",
                        a.get().uri("/api/v1/rulesets/global").exchange().expectBody(JSON).returnResult().getResponseBody().get("active"))
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        var rules = new ArrayList<>((List<Map<String, Object>>) active.get("rules"));
        rules.add(rule("test." + word, word));
        var lines = a.post().uri("/api/v1/rulesets/global/backtest").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_NDJSON)
                .bodyValue(Map.of("draft", Map.of("rules", rules, "allow", active.get("allow"),
                        "structural", active.get("structural")), "last", 1000))
                .exchange().expectStatus().isOk().returnResult(JSON).getResponseBody().collectList().block();
        assertThat(lines).isNotEmpty();
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l).containsEntry("type", "progress"));
        var report = lines.get(lines.size() - 1);
        assertThat(report).containsEntry("type", "report").containsEntry("changed", 4);
        assertThat((Map<String, Object>) report.get("transitions")).containsEntry("APPROVE->REVIEW", 4);
        var examples = ((Map<String, List<Map<String, Object>>>) report.get("examples")).get("APPROVE->REVIEW");
        assertThat(examples).extracting(e -> e.get("commentId")).containsExactlyInAnyOrderElementsOf(ids.subList(0, 4));

        var stored = a.get().uri("/api/v1/comments/{id}", ids.get(0)).exchange().expectBody(JSON).returnResult()
                .getResponseBody();
        assertThat(stored.toString()).contains("APPROVED").doesNotContain("test." + word);
    }

    @Test
    void perRuleHitCountsAddUpAcrossInstances() {
        var id = "hits-" + UUID.randomUUID();
        kafka.send(RUN + ".submitted", "hits", ContractJson.write(CommentSubmitted.of(UUID.randomUUID(), id, "test-site",
                "hits", "Hits", null, null, "author-hits", "Reader", "You are a moron.", Instant.now(), Instant.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var stats = a.get().uri("/api/v1/rules/insult.general/stats").exchange().expectStatus().isOk()
                    .expectBody(JSON).returnResult().getResponseBody();
            assertThat(((Number) stats.get("hits")).longValue()).isPositive();
            assertThat((Map<String, Object>) stats.get("perDay")).isNotEmpty();
        });
    }

    @Test
    void moderatorsMayNotChangeRules() {
        b.get().uri("/api/v1/rulesets").headers(h -> h.setBasicAuth("mod", "pw")).exchange()
                .expectStatus().isForbidden().expectBody();
    }
}
