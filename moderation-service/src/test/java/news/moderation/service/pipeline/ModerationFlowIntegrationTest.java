package news.moderation.service.pipeline;

import com.mongodb.client.model.Filters;
import news.moderation.contract.CommentModerated;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.contract.ModerationStatus;
import news.moderation.service.support.IsolatedRun;
import news.moderation.service.support.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "moderation.security.users[0].username=mod",
        "moderation.security.users[0].password={noop}pw",
        "moderation.security.users[0].roles=MODERATOR",
})
class ModerationFlowIntegrationTest {

    static final IsolatedRun RUN = new IsolatedRun("flow");
    static final String SUBMITTED = RUN.submitted();
    static final String MODERATED = RUN.moderated();
    static final String DEAD_LETTER = RUN.deadLetter();

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RUN.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient http;

    @BeforeEach
    void httpClient() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    static CommentSubmitted comment(String text) {
        var id = "c-" + UUID.randomUUID();
        return CommentSubmitted.of(UUID.randomUUID(), id, "test-site", "thread-" + id.hashCode() % 5, "A thread",
                null, null, "author-1", "Reader", text, Instant.parse("2026-11-23T10:00:00Z"), Instant.now());
    }

    static void submit(CommentSubmitted comment) {
        kafka.send(SUBMITTED, comment.threadId(), ContractJson.write(comment));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> queueItems() {
        var page = http.get().uri("/api/v1/queue?limit=200").headers(h -> h.setBasicAuth("mod", "pw"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    List<String> queuedIds() {
        return queueItems().stream().map(i -> (String) i.get("commentId")).toList();
    }

    static List<CommentModerated> moderatedEventsFor(String commentId) {
        return kafka.readAll(MODERATED).stream()
                .map(r -> ContractJson.read(r.value(), CommentModerated.class))
                .filter(e -> e.commentId().equals(commentId)).toList();
    }

    long storedCopies(String commentId) {
        return mongo.getCollection("comments")
                .flatMap(c -> Mono.from(c.countDocuments(Filters.eq("_id", commentId)))).block();
    }

    @Test
    void aHeldCommentAppearsInTheQueueWithTheRuleAndTheSpanThatHeldIt() {
        var held = comment("All the dwarf has to do is turn off the gas.");

        submit(held);

        await().atMost(Duration.ofSeconds(30)).until(() -> queuedIds().contains(held.commentId()));
        var item = queueItems().stream().filter(i -> i.get("commentId").equals(held.commentId())).findFirst().orElseThrow();
        assertThat(item).containsEntry("text", held.text()).containsEntry("siteId", "test-site");
        @SuppressWarnings("unchecked")
        var reason = ((List<Map<String, Object>>) item.get("reasons")).get(0);
        assertThat(reason).containsEntry("ruleId", "epithet.dwarf").containsEntry("category", "EPITHET")
                .containsEntry("start", 4).containsEntry("end", 13).containsEntry("excerpt", "the dwarf");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(moderatedEventsFor(held.commentId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(ModerationStatus.PENDING);
                    assertThat(e.decidedBy()).isEqualTo("rules");
                    assertThat(e.reasons()).extracting(CommentModerated.Reason::ruleId).containsExactly("epithet.dwarf");
                    assertThat(e.ruleSetVersion()).startsWith("global@1#");
                }));
    }

    @Test
    void aCleanCommentIsApprovedAndNeverQueued() {
        var clean = comment("Belarus depends on Moscow for gas.");

        submit(clean);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(moderatedEventsFor(clean.commentId()))
                .extracting(CommentModerated::status).containsExactly(ModerationStatus.APPROVED));
        assertThat(queuedIds()).doesNotContain(clean.commentId());
    }

    @Test
    void aRedeliveredCommentIsStoredAndAnnouncedOnce() {
        var held = comment("the dwarf again");
        var redelivery = new CommentSubmitted(held.schemaVersion(), UUID.randomUUID(), held.commentId(), held.siteId(),
                held.threadId(), null, null, null, held.authorId(), held.authorName(), "the dwarf again, edited",
                held.postedAt(), held.receivedAt());
        var marker = comment("the dwarf marks the end");

        submit(held);
        submit(redelivery);
        submit(marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> queuedIds().contains(marker.commentId()));
        assertThat(storedCopies(held.commentId())).isEqualTo(1);
        assertThat(queueItems()).filteredOn(i -> i.get("commentId").equals(held.commentId()))
                .singleElement().satisfies(i -> assertThat(i).containsEntry("text", "the dwarf again"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(moderatedEventsFor(marker.commentId())).hasSize(1));
        assertThat(moderatedEventsFor(held.commentId())).hasSize(1);
    }

    @Test
    void approvingTakesTheCommentOutOfTheQueueAndRedeliveryDoesNotUndoIt() {
        var held = comment("What a moron.");
        submit(held);
        await().atMost(Duration.ofSeconds(30)).until(() -> queuedIds().contains(held.commentId()));

        http.post().uri("/api/v1/comments/{id}/decision", held.commentId()).headers(h -> h.setBasicAuth("mod", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "APPROVE", "reason", "satire"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED").jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.decidedBy").isEqualTo("mod");

        assertThat(queuedIds()).doesNotContain(held.commentId());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(moderatedEventsFor(held.commentId()))
                .extracting(CommentModerated::status, CommentModerated::decidedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ModerationStatus.PENDING, "rules"),
                        org.assertj.core.groups.Tuple.tuple(ModerationStatus.APPROVED, "mod")));

        var marker = comment("the dwarf follows the redelivery");
        submit(held);
        submit(marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> queuedIds().contains(marker.commentId()));
        assertThat(queuedIds()).doesNotContain(held.commentId());
        assertThat(moderatedEventsFor(held.commentId())).hasSize(2);
    }

    @Test
    void aReplyQuotingAHiddenThreatIsHeldForReviewNotHidden() {
        var threat = comment("Anyone who signs this deal should be shot.");
        submit(threat);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(moderatedEventsFor(threat.commentId()))
                .extracting(CommentModerated::status).containsExactly(ModerationStatus.HIDDEN));

        var original = comment("> Anyone who signs this deal should be shot.\nThreats are not arguments.");
        var reply = new CommentSubmitted(original.schemaVersion(), original.eventId(), original.commentId(),
                original.siteId(), threat.threadId(), null, null, threat.commentId(), original.authorId(),
                original.authorName(), original.text(), original.postedAt(), original.receivedAt());
        submit(reply);

        await().atMost(Duration.ofSeconds(30)).until(() -> queuedIds().contains(reply.commentId()));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheRestIsModerated() {
        var valid = new String(ContractJson.write(comment("x")), StandardCharsets.UTF_8);
        var unknownVersion = valid.replace("\"schemaVersion\":1", "\"schemaVersion\":99");
        var good = comment("the dwarf after the poison");

        kafka.send(SUBMITTED, "t", "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.send(SUBMITTED, "t", unknownVersion.getBytes(StandardCharsets.UTF_8));
        submit(good);

        await().atMost(Duration.ofSeconds(30)).until(() -> queuedIds().contains(good.commentId()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kafka.readAll(DEAD_LETTER))
                .extracting(ModerationFlowIntegrationTest::reasonHeader)
                .containsExactlyInAnyOrder("UNPARSEABLE", "UNKNOWN_SCHEMA_VERSION"));
        var deadLetter = kafka.readAll(DEAD_LETTER).get(0);
        assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(SUBMITTED);
    }

    static String reasonHeader(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8);
    }

    @Test
    void opsSeeVerdictLatencyDecisionsAndConsumerLagOnPrometheus() {
        var held = comment("the dwarf, measured");
        submit(held);
        await().atMost(Duration.ofSeconds(30)).until(() -> queuedIds().contains(held.commentId()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(scrape).contains("moderation_verdicts_total{", "decision=\"PENDING\"",
                    "moderation_rule_matches_total{", "category=\"EPITHET\"",
                    "moderation_verdict_latency_seconds_bucket", "moderation_store_latency_seconds_count",
                    "moderation_pipeline_batch_size_count", "moderation_queue_depth",
                    "kafka_consumer_fetch_manager_records_lag");
        });
    }

    @Test
    void theQueueIsOnlyForSignedInModerators() {
        http.get().uri("/api/v1/queue").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/queue").headers(h -> h.setBasicAuth("mod", "wrong")).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/api/v1/comments/x/decision").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("action", "HIDE")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badRequestsGetProblemDetailsNamingWhatIsWrong() {
        http.get().uri("/api/v1/queue?limit=500").headers(h -> h.setBasicAuth("mod", "pw")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        http.post().uri("/api/v1/comments/no-such-comment/decision").headers(h -> h.setBasicAuth("mod", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "HIDE")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/comments/any/decision").headers(h -> h.setBasicAuth("mod", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "DELETE")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
