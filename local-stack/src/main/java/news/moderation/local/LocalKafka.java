package news.moderation.local;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.util.Map;

/**
 * A real single-node Apache Kafka broker in KRaft mode, in this JVM, for tests and the local stack.
 *
 * <pre>{@code
 * try (var kafka = LocalKafka.start(0, 3)) {          // 0 = any free port
 *     kafka.createTopics("comments.submitted");
 *     producerProps.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 */
public final class LocalKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final int partitions;

    private LocalKafka(EmbeddedKafkaKraftBroker broker, int partitions) {
        this.broker = broker;
        this.partitions = partitions;
    }

    public static LocalKafka start(int port, int partitions) {
        var broker = new EmbeddedKafkaKraftBroker(1, partitions);
        if (port > 0) {
            broker.kafkaPorts(port);
        }
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", String.valueOf(partitions),
                "offsets.topic.num.partitions", "5",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return new LocalKafka(broker, partitions);
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Creates the topics that do not exist yet, with this broker's partition count. */
    public void createTopics(String... names) {
        var existing = broker.getTopics();
        for (var name : names) {
            if (!existing.contains(name)) {
                broker.addTopicsWithResults(new NewTopic(name, partitions, (short) 1));
            }
        }
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
