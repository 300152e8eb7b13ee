package news.moderation.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import news.moderation.contract.ContractJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;

/**
 * Batches, NDJSON streams and rate limits over HTTP against a real Kafka broker, on a topic of this run's own
 * with one partition, so that the order of what is published can be checked too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ingest.sites[0].site-id=test-site",
        // printf %s test-key | sha256sum
        "ingest.sites[0].key-sha256=62af8704764faf8ea82fc61ce9c4c3908b6cb97d463a634e9e587d7c885db0ef",
        "ingest.sites[0].rate-per-second=100000",
        "ingest.sites[0].burst=100000",
        "ingest.sites[1].site-id=slow-site",
        // printf %s slow-key | sha256sum
        "ingest.sites[1].key-sha256=6fa0d18ad9d40c2e55ddba9c9110a429590843f1c7096d894e1f3aa68c420cee",
        "ingest.sites[1].rate-per-second=0.01",
        "ingest.sites[1].burst=3",
        "ingest.sites[2].site-id=paced-site",
        // printf %s paced-key | sha256sum
        "ingest.sites[2].key-sha256=823ffc8fb469b23a94668516cf3510bb2ee9f229d3465b51712ded542c3bf6e7",
        "ingest.sites[2].rate-per-second=20",
        "ingest.sites[2].burst=5",
        "ingest.batch.max-items=50",
        "ingest.batch.max-body-bytes=200000",
})
class BatchIngestIntegrationTest {

    static final String KEY = "test-key";
    static final String BATCH = "/api/v1/comments/batch";
    static final MediaType NDJSON = MediaType.APPLICATION_NDJSON;
    static final int MAX_LINE_BYTES = 65_536;

    @RegisterExtension
    static final TopicReader topic = new TopicReader("ingest-batch");

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        topic.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @MockitoSpyBean
    KafkaTemplate<?, ?> kafkaTemplate;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    @Test
    void aJsonBatchIsAnsweredPerItemAndOnlyItsValidCommentsArePublishedInOrder() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var html = valid("b-" + run + "-html");
        html.put("text", "<p>Fine &amp; dandy</p><script>fetch('https://evil.example')</script>");
        var wrongType = valid("b-" + run + "-type");
        wrongType.put("text", 42);
        var missing = valid("b-" + run + "-missing");
        missing.remove("threadId");
        var batch = List.of(valid("b-" + run + "-1"), wrongType, html, missing, valid("b-" + run + "-1"));
        var invalidBefore = count("rejected", "INVALID_FIELD");
        var batchesBefore = meters.get("ingest.batch.size").tag("format", "json").summary().count();

        client.post().uri(BATCH).header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(batch)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accepted").isEqualTo(3)
                .jsonPath("$.rejected").isEqualTo(2)
                .jsonPath("$.items[*].index").isEqualTo(List.of(0, 1, 2, 3, 4))
                .jsonPath("$.items[*].status").isEqualTo(List.of("ACCEPTED", "REJECTED", "ACCEPTED", "REJECTED", "ACCEPTED"))
                .jsonPath("$.items[1].commentId").isEqualTo("b-" + run + "-type")
                .jsonPath("$.items[1].reason").isEqualTo("INVALID_FIELD")
                .jsonPath("$.items[1].errors[0].field").isEqualTo("text")
                .jsonPath("$.items[1].errors[0].reason").isEqualTo("must be a string, not a number")
                .jsonPath("$.items[3].errors[0].field").isEqualTo("threadId")
                .jsonPath("$.items[3].errors[0].reason").isEqualTo("is required");

        var read = topic.readUntil(r -> commentIdOf(r).equals("b-" + run + "-1") && count(r, "b-" + run + "-1") == 2);
        assertThat(read).extracting(BatchIngestIntegrationTest::commentIdOf)
                .containsExactly("b-" + run + "-1", "b-" + run + "-html", "b-" + run + "-1");
        assertThat(text(tree(read.get(1)), "text")).isEqualTo("Fine & dandy");
        assertThat(count("rejected", "INVALID_FIELD")).isEqualTo(invalidBefore + 2);
        assertThat(meters.get("ingest.batch.size").tag("format", "json").summary().count()).isEqualTo(batchesBefore + 1);
    }

    @Test
    void theSameCommentSentTwiceIsAcceptedTwiceUnderOneCommentId() {
        var commentId = "twice-" + UUID.randomUUID();

        for (int i = 0; i < 2; i++) {
            client.post().uri("/api/v1/comments").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(json(valid(commentId))).exchange()
                    .expectStatus().isAccepted()
                    .expectBody().jsonPath("$.commentId").isEqualTo(commentId);
        }

        // moderation-service stores one document per commentId, so the second is a no-op there
        var read = topic.readUntil(r -> count(r, commentId) == 2);
        assertThat(read).extracting(ConsumerRecord::key).containsOnly("thread-9");
        assertThat(read).extracting(BatchIngestIntegrationTest::commentIdOf).containsExactly(commentId, commentId);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"commentId\": \"c-1\"}", "[{\"commentId\": ", "not json"})
    void aBatchThatIsNotAJsonArrayIsRefusedWholeAndNothingIsPublished(String body) {
        client.post().uri(BATCH).header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:news-moderation:problem:malformed-json");

        assertOnlyAMarkerReachesTheTopic();
    }

    @Test
    void aBatchOverTheConfiguredCountIsRefusedWith413AndNothingIsPublished() {
        var batch = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 51; i++) {
            batch.add(valid("over-" + i + "-" + UUID.randomUUID()));
        }

        client.post().uri(BATCH).header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(batch)).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:news-moderation:problem:body-too-large")
                .jsonPath("$.detail").isEqualTo("the batch has 51 comments; at most 50 are allowed");

        assertOnlyAMarkerReachesTheTopic();
    }

    @Test
    void aBatchBodyOverTheConfiguredSizeIsRefusedWith413() {
        var big = valid("big-" + UUID.randomUUID());
        big.put("text", "x".repeat(9_000));
        var batch = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 25; i++) {
            batch.add(big);
        }

        client.post().uri(BATCH).header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(batch)).exchange()
                .expectStatus().isEqualTo(413);

        assertOnlyAMarkerReachesTheTopic();
    }

    @Test
    void anNdjsonStreamWithBadLinesInTheMiddleHasEveryOtherLineAccepted() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        int lines = 3_000;
        var body = new ByteArrayOutputStream();
        for (int line = 1; line <= lines; line++) {
            switch (line) {
                case 1_500 -> body.writeBytes(bytes("{\"commentId\": \"s-broken\", \"text\": "));
                case 1_501 -> {
                    body.writeBytes(bytes("{\"commentId\": \"s-latin1\", \"threadId\": \"t\", \"authorId\": \"a\", "
                            + "\"authorName\": \"A\", \"text\": \"caf"));
                    body.write(0xE9);
                    body.writeBytes(bytes("\"}"));
                }
                case 1_502 -> body.writeBytes(bytes("{\"text\": \"" + "y".repeat(MAX_LINE_BYTES) + "\"}"));
                case 1_503 -> body.writeBytes(bytes(json(valid("s-" + run + "-" + line)).replace("\"thread-9\"", "9")));
                default -> body.writeBytes(bytes(json(valid("s-" + run + "-" + line))));
            }
            body.write('\n');
        }
        var ndjsonBefore = meters.get("ingest.batch.size").tag("format", "ndjson").summary().count();

        client.post().uri(BATCH).header("X-Api-Key", KEY).contentType(NDJSON)
                .body(BodyInserters.fromDataBuffers(chunked(body.toByteArray(), 8_192)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accepted").isEqualTo(lines - 4)
                .jsonPath("$.rejected").isEqualTo(4)
                .jsonPath("$.unlisted").isEqualTo(0)
                .jsonPath("$.items[*].line").isEqualTo(List.of(1_500, 1_501, 1_502, 1_503))
                .jsonPath("$.items[*].reason").isEqualTo(
                        List.of("MALFORMED_JSON", "INVALID_ENCODING", "TOO_LARGE", "INVALID_FIELD"))
                .jsonPath("$.items[1].errors[0].reason").isEqualTo("is not valid UTF-8 at byte 91")
                .jsonPath("$.items[3].commentId").isEqualTo("s-" + run + "-1503")
                .jsonPath("$.items[3].errors[0].field").isEqualTo("threadId");

        var last = "s-" + run + "-" + lines;
        var expected = new ArrayList<String>();
        for (int line = 1; line <= lines; line++) {
            if (line < 1_500 || line > 1_503) {
                expected.add("s-" + run + "-" + line);
            }
        }
        assertThat(topic.readUntil(r -> commentIdOf(r).equals(last)))
                .extracting(BatchIngestIntegrationTest::commentIdOf).containsExactlyElementsOf(expected);
        assertThat(meters.get("ingest.batch.size").tag("format", "ndjson").summary().count()).isEqualTo(ndjsonBefore + 1);
    }

    @Test
    void ndjsonIsAlsoAStreamOnTheSingleCommentPath() {
        var commentId = "single-path-" + UUID.randomUUID();

        client.post().uri("/api/v1/comments").header("X-Api-Key", KEY).contentType(NDJSON)
                .bodyValue(json(valid(commentId)) + "\n").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.accepted").isEqualTo(1);

        assertThat(topic.readUntil(r -> commentIdOf(r).equals(commentId))).isNotEmpty();
    }

    @Test
    void aFloodOverTheSitesRateIsRefusedWith429AndRetryAfter() {
        var limitedBefore = count("rejected", "RATE_LIMITED");
        int accepted = 0;
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 20; i++) {
            var result = client.post().uri("/api/v1/comments").header("X-Api-Key", "slow-key")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(json(valid("flood-" + i + "-" + UUID.randomUUID()))).exchange()
                    .expectBody(String.class).returnResult();
            if (result.getStatus().value() == 202) {
                accepted++;
            } else {
                assertThat(result.getStatus().value()).isEqualTo(429);
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(result.getResponseBody()).contains("urn:news-moderation:problem:rate-limited");
                retryAfter = result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
                limited++;
            }
        }

        assertThat(accepted).as("the burst").isEqualTo(3);
        assertThat(limited).isEqualTo(17);
        // one token at 0.01 per second takes 100 s
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isBetween(90L, 100L);
        assertThat(count("rejected", "RATE_LIMITED")).isEqualTo(limitedBefore + 17);
    }

    @Test
    void aStreamOverTheSitesRateIsSlowedDownRatherThanRefused() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var body = new StringBuilder();
        for (int line = 1; line <= 25; line++) {
            body.append(json(valid("paced-" + run + "-" + line))).append('\n');
        }
        long start = System.nanoTime();

        client.post().uri(BATCH).header("X-Api-Key", "paced-key").contentType(NDJSON)
                .bodyValue(body.toString()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.accepted").isEqualTo(25);

        // a burst of 5, then 20 lines at 20 a second
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void commentsKafkaRefusesAreRejectedWithRetryAfterAndTheOthersStillGoThrough() {
        @SuppressWarnings("unchecked")
        var template = (KafkaTemplate<String, byte[]>) kafkaTemplate;
        doReturn(CompletableFuture.failedFuture(new KafkaException("broker unavailable")))
                .when(template).send(eq(topic.name()), eq("doomed-thread"), any(byte[].class));
        var run = UUID.randomUUID().toString().substring(0, 8);
        var doomed = valid("doomed-" + run);
        doomed.put("threadId", "doomed-thread");

        client.post().uri(BATCH).header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(List.of(doomed, valid("fine-" + run)))).exchange()
                .expectStatus().isOk()
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.accepted").isEqualTo(1)
                .jsonPath("$.items[0].status").isEqualTo("REJECTED")
                .jsonPath("$.items[0].reason").isEqualTo("PUBLISH_FAILED")
                .jsonPath("$.items[1].status").isEqualTo("ACCEPTED");

        assertThat(topic.readUntil(r -> commentIdOf(r).equals("fine-" + run)))
                .extracting(BatchIngestIntegrationTest::commentIdOf).containsExactly("fine-" + run);
    }

    @ParameterizedTest(name = "X-Api-Key: \"{0}\"")
    @ValueSource(strings = {"wrong-key", "62af8704764faf8ea82fc61ce9c4c3908b6cb97d463a634e9e587d7c885db0ef"})
    void batchesAndStreamsWithAWrongKeyAreRefusedWith401(String key) {
        client.post().uri(BATCH).header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(List.of(valid("k-" + UUID.randomUUID())))).exchange()
                .expectStatus().isUnauthorized();
        client.post().uri(BATCH).header("X-Api-Key", key).contentType(NDJSON)
                .bodyValue(json(valid("k-" + UUID.randomUUID()))).exchange()
                .expectStatus().isUnauthorized();

        assertOnlyAMarkerReachesTheTopic();
    }

    private void assertOnlyAMarkerReachesTheTopic() {
        var marker = "marker-" + UUID.randomUUID();
        client.post().uri("/api/v1/comments").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(valid(marker))).exchange().expectStatus().isAccepted();

        assertThat(topic.readUntil(r -> marker.equals(commentIdOf(r))))
                .extracting(BatchIngestIntegrationTest::commentIdOf).containsExactly(marker);
    }

    private static Flux<DataBuffer> chunked(byte[] bytes, int size) {
        return Flux.range(0, (bytes.length + size - 1) / size)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        java.util.Arrays.copyOfRange(bytes, i * size, Math.min(bytes.length, (i + 1) * size))));
    }

    private double count(String outcome, String reason) {
        return meters.get("ingest.comments").tag("outcome", outcome).tag("reason", reason).counter().count();
    }

    private static long count(ConsumerRecord<String, byte[]> ignored, String commentId) {
        return topic.readSoFar().stream().filter(r -> commentId.equals(commentIdOf(r))).count();
    }

    static Map<String, Object> valid(String commentId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("commentId", commentId);
        body.put("threadId", "thread-9");
        body.put("authorId", "u-7");
        body.put("authorName", "Reader");
        body.put("text", "Fixture comment text.");
        return body;
    }

    private static String json(Object body) {
        return ContractJson.mapper().writeValueAsString(body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String commentIdOf(ConsumerRecord<String, byte[]> record) {
        var id = text(tree(record), "commentId");
        return id == null ? "" : id;
    }

    private static JsonNode tree(ConsumerRecord<String, byte[]> record) {
        return ContractJson.mapper().readTree(record.value());
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null ? null : value.stringValue();
    }
}
