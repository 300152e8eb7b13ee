package news.moderation.service.pipeline;

import com.mongodb.ConnectionString;
import news.moderation.contract.CommentModerated;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.local.TcpProxy;
import news.moderation.local.TestServices;
import news.moderation.service.support.IsolatedRun;
import news.moderation.service.support.KafkaTestClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A comment accepted is a comment that ends with exactly one verdict: across listener restarts, a
 * MongoDB outage and poison records. MongoDB is reached through a relay the test can cut.
 */
@SpringBootTest(properties = {
        "moderation.security.users[0].username=mod",
        "moderation.security.users[0].password={noop}pw",
        "moderation.security.users[0].roles=MODERATOR",
        "moderation.pipeline.retry-initial=200ms",
        "moderation.pipeline.retry-max=2s",
        "moderation.pipeline.mongo-timeout=2s",
        "moderation.pipeline.outbox-sweep-interval=2s",
        "moderation.pipeline.outbox-first-sweep=2s",
        "moderation.pipeline.outbox-check-interval=1s",
        "moderation.pipeline.outbox-min-age=3s",
})
class DeliveryGuaranteesIntegrationTest {

    static final IsolatedRun RUN = new IsolatedRun("delivery");
    static final String SUBMITTED = RUN.submitted();
    static final String MODERATED = RUN.moderated();
    static final String DEAD_LETTER = RUN.deadLetter();

    static TcpProxy mongoRelay;
    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        var mongo = new ConnectionString(TestServices.mongoUri());
        var host = mongo.getHosts().get(0).split(":");
        mongoRelay = TcpProxy.start(host[0], host.length > 1 ? Integer.parseInt(host[1]) : 27017);
        var relayed = TestServices.mongoUri().replace(mongo.getHosts().get(0), "127.0.0.1:" + mongoRelay.port());
        RUN.register(registry, () -> relayed);
    }

    @AfterAll
    static void close() {
        mongoRelay.close();
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    static CommentSubmitted comment(String id, String text) {
        return CommentSubmitted.of(UUID.randomUUID(), id, "test-site", "thread-" + Math.floorMod(id.hashCode(), 50),
                null, null, null, "author-" + Math.floorMod(id.hashCode(), 500), "Reader", text,
                Instant.parse("2026-11-23T10:00:00Z"), Instant.now());
    }

    static String textFor(int i) {
        return i % 10 == 0 ? "the dwarf strikes again, number " + i : "a calm remark about gas prices, number " + i;
    }

    Set<String> storedIds(String prefix) {
        return mongo.getCollection("comments")
                .flatMapMany(c -> Flux.from(c.find(new Document("_id", new Document("$regex", "^" + prefix)))
                        .projection(new Document("_id", 1))))
                .map(d -> d.getString("_id")).collect(Collectors.toSet()).block();
    }

    long storedCount(String prefix) {
        return mongo.getCollection("comments")
                .flatMap(c -> Mono.from(c.countDocuments(new Document("_id", new Document("$regex", "^" + prefix)))))
                .block();
    }

    static Map<String, List<CommentModerated>> eventsByComment(String prefix) {
        return kafka.readAll(MODERATED).stream().map(r -> ContractJson.read(r.value(), CommentModerated.class))
                .filter(e -> e.commentId().startsWith(prefix))
                .collect(Collectors.groupingBy(CommentModerated::commentId));
    }

    @Test
    void twentyThousandCommentsAcrossTwoListenerRestartsEndWithOneVerdictAndOneEventEach() throws Exception {
        var prefix = "bulk-";
        int total = 20_000;
        var container = listeners.getListenerContainer("submitted-comments");
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServices.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < total; i++) {
                var c = comment(prefix + i, textFor(i));
                producer.send(new ProducerRecord<>(SUBMITTED, c.threadId(), ContractJson.write(c)));
                if (i == total / 3 || i == 2 * total / 3) {
                    producer.flush();
                    await().atMost(Duration.ofSeconds(60)).until(() -> storedCount(prefix) > 0);
                    container.stop();
                    container.start();
                }
            }
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> storedCount(prefix) == total);
        assertThat(storedIds(prefix)).hasSize(total);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> eventsByComment(prefix).size() == total);
        var events = eventsByComment(prefix);
        assertThat(events.values()).allSatisfy(list ->
                assertThat(list.stream().map(CommentModerated::eventId).distinct()).hasSize(1));
    }

    @Test
    void aTenSecondMongoOutageLosesNothingAndDeadLettersNothing() {
        var prefix = "outage-";
        for (int i = 0; i < 100; i++) {
            if (i == 30) {
                await().atMost(Duration.ofSeconds(30)).until(() -> storedCount(prefix) >= 30);
                mongoRelay.cut();
            }
            var c = comment(prefix + i, textFor(i));
            kafka.send(SUBMITTED, c.threadId(), ContractJson.write(c));
        }
        // ten seconds in which every store attempt fails and is retried
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
        mongoRelay.restore();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> storedCount(prefix) == 100);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsByComment(prefix).size() == 100);
        assertThat(kafka.readAll(DEAD_LETTER)).noneMatch(r -> r.value() != null
                && new String(r.value(), StandardCharsets.UTF_8).contains(prefix));
    }

    @Test
    void poisonRecordsInterleavedWithGoodOnesAreExactlyWhatTheDeadLetterTopicHolds() {
        var prefix = "mixed-";
        var poisonKeys = new HashSet<String>();
        var good = new ArrayList<String>();
        for (int i = 0; i < 60; i++) {
            if (i % 6 == 3) {
                var key = prefix + "poison-" + i;
                poisonKeys.add(key);
                var valid = new String(ContractJson.write(comment(prefix + "p" + i, "x")), StandardCharsets.UTF_8);
                var poison = switch (i % 4) {
                    case 0 -> "{\"not\": json";
                    case 1 -> valid.replace("\"schemaVersion\":1", "\"schemaVersion\":42");
                    case 2 -> valid.replace("\"text\":\"x\",", "");
                    default -> valid.replace("\"text\":\"x\"", "\"text\":\"" + "y".repeat(10_001) + "\"");
                };
                kafka.send(SUBMITTED, key, poison.getBytes(StandardCharsets.UTF_8));
            } else {
                var c = comment(prefix + i, textFor(i));
                good.add(c.commentId());
                kafka.send(SUBMITTED, c.threadId(), ContractJson.write(c));
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> storedCount(prefix) == good.size());
        assertThat(storedIds(prefix)).containsExactlyInAnyOrderElementsOf(good);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var deadLetters = kafka.readAll(DEAD_LETTER).stream().filter(r -> r.key() != null && r.key().startsWith(prefix))
                    .toList();
            assertThat(deadLetters).extracting(r -> r.key()).containsExactlyInAnyOrderElementsOf(poisonKeys);
            assertThat(deadLetters).allSatisfy(r -> {
                assertThat(r.headers().lastHeader(DeadLetters.REASON_HEADER)).isNotNull();
                assertThat(r.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
            });
        });
    }
}
