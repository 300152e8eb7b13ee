package news.moderation.ingest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import news.moderation.local.TestServices;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Reads what the service publishes on a topic of this run's own: created with one partition before the
 * class's tests, so that records arrive in the order they were sent and a marker can prove that nothing was
 * sent before it; each test starts at its end, so it sees only its own records.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TopicReader topic = new TopicReader("ingest");
 * @DynamicPropertySource
 * static void kafka(DynamicPropertyRegistry registry) { topic.register(registry); }
 * }</pre>
 */
public final class TopicReader implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final String name;
    private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;
    private List<TopicPartition> partitions;

    /** A reader of {@code <prefix>-<unique>.submitted}, on the test broker. */
    public TopicReader(String prefix) {
        this.name = TestServices.uniqueName(prefix) + ".submitted";
    }

    public String name() {
        return name;
    }

    /** Points the service under test at the test broker and this topic. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestServices::kafkaBootstrapServers);
        registry.add("ingest.topic", this::name);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        var bootstrapServers = TestServices.kafkaBootstrapServers();
        createSinglePartitionTopic(bootstrapServers, name);
        consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // The default half second per empty fetch would dominate every test.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer());
        partitions = List.of(new TopicPartition(name, 0));
        consumer.assign(partitions);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        skipToEnd();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (consumer != null) {
            consumer.close();
        }
    }

    /** Forgets what was read and skips to the end, so that a test sees only its own records. */
    public void skipToEnd() {
        read.clear();
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the offset now, before the test produces anything.
        partitions.forEach(consumer::position);
    }

    /** Reads until a record matches, then returns everything read since {@link #skipToEnd()}. */
    public List<ConsumerRecord<String, byte[]>> readUntil(Predicate<ConsumerRecord<String, byte[]>> wanted) {
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread() // a KafkaConsumer belongs to the thread that uses it
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(100)).forEach(read::add);
                    return read.stream().anyMatch(wanted);
                });
        return List.copyOf(read);
    }

    /** Everything read since {@link #skipToEnd()}, without polling. */
    public List<ConsumerRecord<String, byte[]>> readSoFar() {
        return List.copyOf(read);
    }

    private static void createSinglePartitionTopic(String bootstrapServers, String topic) {
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // Fail fast when KAFKA_BOOTSTRAP_SERVERS points at nothing, not after the client's minute.
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())))
                    .all().get(25, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + topic + " on " + bootstrapServers, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka answered at " + bootstrapServers, e);
        }
    }
}
