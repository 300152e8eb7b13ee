package news.moderation.service.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import news.moderation.contract.CommentModerated;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.local.TestServices;
import news.moderation.service.ModerationServiceApplication;
import news.moderation.service.support.KafkaTestClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances in one consumer group share the partitions; one leaving mid-stream loses nothing. */
class ScaleOutIntegrationTest {

    static final String RUN = TestServices.uniqueName("scale");

    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext startInstance() {
        var arguments = new ArrayList<>(TestServices.moderationRunArguments(RUN));
        arguments.addAll(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestServices.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + TestServices.mongoUri(),
                "--spring.kafka.consumer.max-poll-records=100",
                "--moderation.topics.partitions=4",
                "--moderation.security.users[0].username=mod",
                "--moderation.security.users[0].password={noop}pw",
                "--moderation.security.users[0].roles=MODERATOR"));
        var context = new SpringApplicationBuilder(ModerationServiceApplication.class).run(arguments.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    static double verdicts(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class).find("moderation.verdicts").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void twoInstancesShareTheWorkAndOneLeavingMidStreamLosesNothing() {
        var first = startInstance();
        var second = startInstance();
        var mongo = first.getBean(ReactiveMongoTemplate.class);
        int total = 4_000;
        try (var kafka = new KafkaTestClient(TestServices.kafkaBootstrapServers())) {
            for (int i = 0; i < total; i++) {
                var c = CommentSubmitted.of(UUID.randomUUID(), "scale-" + i, "test-site", "thread-" + (i % 40), null,
                        null, null, "a-" + (i % 97), "Reader", i % 5 == 0 ? "the dwarf " + i : "fine words " + i,
                        Instant.parse("2026-11-23T10:00:00Z"), Instant.now());
                kafka.send(RUN + ".submitted", c.threadId(), ContractJson.write(c));
                if (i == total / 2) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> verdicts(first) > 0 && verdicts(second) > 0);
                    second.close();
                }
            }

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> mongo
                    .getCollection("comments").flatMap(c -> Mono.from(c.countDocuments(new Document()))).block() == total);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                var events = kafka.readAll(RUN + ".moderated").stream()
                        .map(r -> ContractJson.read(r.value(), CommentModerated.class))
                        .collect(Collectors.groupingBy(CommentModerated::commentId,
                                Collectors.mapping(CommentModerated::eventId, Collectors.toSet())));
                assertThat(events).hasSize(total);
                assertThat(events.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
            });
        }
        // the instances share the configured group, the one ops' lag alerts, autoscaler and ACLs name
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServices.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var committed = admin.listConsumerGroupOffsets(RUN).partitionsToOffsetAndMetadata().get();
                assertThat(committed.keySet()).extracting(TopicPartition::topic).containsOnly(RUN + ".submitted");
                assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(total);
            });
        }
    }
}
