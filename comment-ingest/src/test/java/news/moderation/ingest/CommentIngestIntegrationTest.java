package news.moderation.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import news.moderation.contract.CommentLimits;
import news.moderation.contract.ContractJson;
import news.moderation.contract.SubmittedDecoding;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;

/**
 * The whole service over HTTP, against a real Kafka broker: embedded, or the one in KAFKA_BOOTSTRAP_SERVERS.
 * The topic is this run's own, so runs against a shared broker never see each other's records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ingest.sites[0].site-id=test-site",
        // printf %s test-key | sha256sum
        "ingest.sites[0].key-sha256=62af8704764faf8ea82fc61ce9c4c3908b6cb97d463a634e9e587d7c885db0ef",
})
class CommentIngestIntegrationTest {

    static final String KEY = "test-key";
    static final String SITE = "test-site";
    static final String COMMENTS = "/api/v1/comments";
    static final int MAX_BODY_BYTES = 65_536;

    @RegisterExtension
    static final TopicReader topic = new TopicReader("ingest");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        topic.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    /**
     * A spy so that one test can make the broker fail without a second application context; wildcard-typed
     * because that is how Boot declares the bean.
     */
    @MockitoSpyBean
    KafkaTemplate<?, ?> kafkaTemplate;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                // The first send waits for topic metadata from a broker that may have just started.
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void aValidCommentIsAcceptedAndPublishedKeyedByThreadUnderTheSiteOfTheKey() {
        var commentId = "c-" + UUID.randomUUID();
        var body = valid(commentId);
        body.put("threadTitle", "Gas prices");
        body.put("threadUrl", "https://news.example/gas");
        body.put("parentId", "c-0");
        body.put("postedAt", "2026-11-23T09:17:00Z");
        var acceptedBefore = count("accepted", "NONE");
        var before = Instant.now();

        post(json(body)).expectStatus().isAccepted()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.commentId").isEqualTo(commentId)
                .jsonPath("$.status").isEqualTo("ACCEPTED");

        var record = recordOf(commentId);
        assertThat(record.key()).isEqualTo("thread-9");
        var event = tree(record);
        assertThat(event.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(text(event, "siteId")).isEqualTo(SITE);
        assertThat(text(event, "commentId")).isEqualTo(commentId);
        assertThat(text(event, "threadId")).isEqualTo("thread-9");
        assertThat(text(event, "threadTitle")).isEqualTo("Gas prices");
        assertThat(text(event, "threadUrl")).isEqualTo("https://news.example/gas");
        assertThat(text(event, "parentId")).isEqualTo("c-0");
        assertThat(text(event, "authorId")).isEqualTo("u-7");
        assertThat(text(event, "authorName")).isEqualTo("Reader");
        assertThat(text(event, "text")).isEqualTo("All the dwarf has to do is turn off the gas.");
        assertThat(text(event, "postedAt")).isEqualTo("2026-11-23T09:17:00Z");
        assertThat(UUID.fromString(text(event, "eventId"))).isNotNull();
        assertThat(Instant.parse(text(event, "receivedAt"))).isBetween(before, Instant.now());
        assertThat(ContractJson.decodeSubmitted(record.value())).isInstanceOf(SubmittedDecoding.Valid.class);
        assertThat(count("accepted", "NONE")).isEqualTo(acceptedBefore + 1);
        assertThat(meters.get("ingest.publish.latency").tag("outcome", "accepted").timer().count()).isPositive();
    }

    @Test
    void withoutPostedAtTheCommentIsDatedWhenItWasReceived() {
        var commentId = "c-" + UUID.randomUUID();

        post(json(valid(commentId))).expectStatus().isAccepted();

        var event = tree(recordOf(commentId));
        assertThat(text(event, "postedAt")).isEqualTo(text(event, "receivedAt"));
    }

    @Test
    void aSiteIdThatRepeatsTheSiteOfTheKeyIsAccepted() {
        var commentId = "c-" + UUID.randomUUID();
        var body = valid(commentId);
        body.put("siteId", SITE);

        post(json(body)).expectStatus().isAccepted();

        assertThat(text(tree(recordOf(commentId)), "siteId")).isEqualTo(SITE);
    }

    @ParameterizedTest(name = "X-Api-Key: \"{0}\"")
    @ValueSource(strings = {"", "wrong-key", "TEST-KEY"})
    void aMissingOrUnknownKeyIsRefusedWith401AndNothingIsPublished(String key) {
        var refusedBefore = count("rejected", "UNAUTHORIZED");
        var request = client.post().uri(COMMENTS).contentType(MediaType.APPLICATION_JSON);
        if (!key.isEmpty()) {
            request = request.header("X-Api-Key", key);
        }

        request.bodyValue(json(valid("c-" + UUID.randomUUID()))).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("urn:news-moderation:problem:unauthorized")
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.errors[0].field").isEqualTo("X-Api-Key");

        assertThat(count("rejected", "UNAUTHORIZED")).isEqualTo(refusedBefore + 1);
        assertOnlyAMarkerReachesTheTopic();
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                arguments("malformed JSON", "{\"commentId\": \"c-1\",", "body"),
                arguments("an array instead of an object", "[\"c-1\"]", "body"),
                arguments("text missing", json(without("text")), "text"),
                arguments("threadId missing", json(without("threadId")), "threadId"),
                arguments("commentId missing", json(without("commentId")), "commentId"),
                arguments("whitespace-only text", json(with("text", " \t\n\u00a0 ")), "text"),
                arguments("text over the limit",
                        json(with("text", "x".repeat(CommentLimits.MAX_TEXT_CODE_POINTS + 1))), "text"),
                arguments("text as a number", json(with("text", 123)), "text"),
                arguments("commentId as an object", json(with("commentId", Map.of())), "commentId"),
                arguments("an unknown field", json(with("parentID", "c-0")), "parentID"),
                arguments("postedAt not ISO-8601", json(with("postedAt", "23/11/2026 09:17")), "postedAt"),
                arguments("the siteId of another site", json(with("siteId", "other-site")), "siteId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void anInvalidBodyIsRefusedWith400NamingTheFieldAndNothingIsPublished(String name, String body, String field) {
        post(body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.type").value(String.class,
                        type -> assertThat(type).startsWith("urn:news-moderation:problem:"))
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields).contains(field))
                .jsonPath("$.errors[*].reason").value(List.class, reasons -> assertThat(reasons).isNotEmpty());

        assertOnlyAMarkerReachesTheTopic();
    }

    @Test
    void malformedJsonIsExplainedInTheDetail() {
        post("{\"commentId\": ").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:news-moderation:problem:malformed-json")
                .jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).startsWith("body is not valid JSON: "));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndNothingIsPublished() {
        var tooLarge = json(with("text", "x".repeat(MAX_BODY_BYTES)));

        post(tooLarge).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.errors[0].field").isEqualTo("body");

        assertOnlyAMarkerReachesTheTopic();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413AndNothingIsPublished() {
        var chunk = "x".repeat(MAX_BODY_BYTES / 2 + 1);
        Flux<DataBuffer> chunks = Flux.just("{\"text\": \"", chunk, chunk, "\"}")
                .map(part -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes()));

        client.post().uri(COMMENTS).header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertOnlyAMarkerReachesTheTopic();
    }

    @Test
    void whenKafkaFailsTheSiteIsToldToRetryWith503() {
        var failedBefore = count("rejected", "PUBLISH_FAILED");
        @SuppressWarnings("unchecked")
        var template = (KafkaTemplate<String, byte[]>) kafkaTemplate;
        doReturn(CompletableFuture.failedFuture(new KafkaException("broker unavailable")))
                .when(template).send(eq(topic.name()), anyString(), any(byte[].class));

        post(json(valid("c-" + UUID.randomUUID()))).expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.type").isEqualTo("urn:news-moderation:problem:publish-failed");

        assertThat(count("rejected", "PUBLISH_FAILED")).isEqualTo(failedBefore + 1);
        assertThat(meters.get("ingest.publish.latency").tag("outcome", "rejected").timer().count()).isPositive();
    }

    @Test
    void probesAreNotBehindTheApiKey() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec post(String body) {
        return client.post().uri(COMMENTS)
                .header("X-Api-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /**
     * Proves a negative without sleeping: the topic has one partition, so had the refused request been
     * published, it would sit before a marker published afterwards.
     */
    private void assertOnlyAMarkerReachesTheTopic() {
        var marker = "marker-" + UUID.randomUUID();
        post(json(valid(marker))).expectStatus().isAccepted();

        var read = topic.readUntil(r -> marker.equals(commentIdOf(r)));

        assertThat(read).extracting(CommentIngestIntegrationTest::commentIdOf).containsExactly(marker);
    }

    private ConsumerRecord<String, byte[]> recordOf(String commentId) {
        return topic.readUntil(r -> commentId.equals(commentIdOf(r))).stream()
                .filter(r -> commentId.equals(commentIdOf(r))).findFirst().orElseThrow();
    }

    private static String commentIdOf(ConsumerRecord<String, byte[]> record) {
        return text(tree(record), "commentId");
    }

    private double count(String outcome, String reason) {
        return meters.get("ingest.comments").tag("outcome", outcome).tag("reason", reason).counter().count();
    }

    private static Map<String, Object> valid(String commentId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commentId", commentId);
        body.put("threadId", "thread-9");
        body.put("authorId", "u-7");
        body.put("authorName", "Reader");
        body.put("text", "All the dwarf has to do is turn off the gas.");
        return body;
    }

    private static Map<String, Object> with(String field, Object value) {
        var body = valid("c-" + UUID.randomUUID());
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(String field) {
        var body = valid("c-" + UUID.randomUUID());
        body.remove(field);
        return body;
    }

    private static String json(Map<String, Object> body) {
        return ContractJson.mapper().writeValueAsString(body);
    }

    private static JsonNode tree(ConsumerRecord<String, byte[]> record) {
        return ContractJson.mapper().readTree(record.value());
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null ? null : value.stringValue();
    }
}
