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
 * Reads what the service publishes on a topic of its own: created with one partition, so that records
 * arrive in the order they were sent and a marker can prove that nothing was sent before it.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

    private TopicReader(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        this.consumer = consumer;
        this.partitions = partitions;
    }

    public static TopicReader create(String bootstrapServers, String topic) {
        createSinglePartitionTopic(bootstrapServers, topic);
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // The default half second per empty fetch would dominate every test.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer());
        var partitions = List.of(new TopicPartition(topic, 0));
        consumer.assign(partitions);
        return new TopicReader(consumer, partitions);
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

    @Override
    public void close() {
        consumer.close();
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
