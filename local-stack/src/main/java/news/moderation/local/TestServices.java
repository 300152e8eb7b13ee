package news.moderation.local;

import java.util.List;
import java.util.UUID;

/**
 * The Kafka broker and MongoDB server that integration tests use: the real ones named by
 * {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} when those are set, else an embedded KRaft broker
 * and an in-memory mongo-java-server started once per test JVM.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void services(DynamicPropertyRegistry registry) {
 *     registry.add("spring.kafka.bootstrap-servers", TestServices::kafkaBootstrapServers);
 *     registry.add("spring.mongodb.uri", TestServices::mongoUri);
 * }
 * }</pre>
 */
public final class TestServices {

    public static final String KAFKA_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String MONGO_ENV = "MONGODB_URI";

    private static LocalKafka kafka;
    private static LocalMongo mongo;

    private TestServices() {
    }

    public static synchronized String kafkaBootstrapServers() {
        var external = System.getenv(KAFKA_ENV);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (kafka == null) {
            kafka = LocalKafka.start(0, 3);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-stop"));
        }
        return kafka.bootstrapServers();
    }

    /** A server URI without a database; pair it with {@link #uniqueName(String)} for isolation. */
    public static synchronized String mongoUri() {
        var external = System.getenv(MONGO_ENV);
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (mongo == null) {
            mongo = LocalMongo.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "embedded-mongo-stop"));
        }
        return mongo.uri("");
    }

    /**
     * Command-line arguments that give a moderation-service of run {@code run} its own database, consumer group
     * and topics ({@code run.submitted}, {@code run.moderated}, {@code run.submitted.DLT}, {@code run.rulesets}),
     * e.g. {@code ServiceProcess.start(…, moderationRunArguments("e2e-1a2b3c4d"), …)}.
     */
    public static List<String> moderationRunArguments(String run) {
        return List.of(
                "--spring.mongodb.database=" + run,
                "--spring.kafka.consumer.group-id=" + run,
                "--moderation.topics.submitted=" + run + ".submitted",
                "--moderation.topics.moderated=" + run + ".moderated",
                "--moderation.topics.dead-letter=" + run + ".submitted.DLT",
                "--moderation.topics.rulesets=" + run + ".rulesets");
    }

    /** A name no other run uses, so tests against shared real services never see each other's data. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
