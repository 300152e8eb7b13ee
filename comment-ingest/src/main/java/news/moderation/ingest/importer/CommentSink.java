package news.moderation.ingest.importer;

import news.moderation.contract.ContractJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;

/** Where an import's comments go: Kafka, or nowhere for a dry run that only validates. */
interface CommentSink extends AutoCloseable {

    /** Sends the comment; the outcome is counted in {@code summary}, possibly later, from another thread. */
    void send(ArchiveEntry.Comment comment, ImportSummary summary) throws InterruptedException;

    /** Waits until everything sent has been acknowledged or has failed. */
    @Override
    void close();

    /** Counts every valid comment as published: what a real run would send. */
    final class DryRun implements CommentSink {

        @Override
        public void send(ArchiveEntry.Comment comment, ImportSummary summary) {
            summary.published();
        }

        @Override
        public void close() {
        }
    }

    /**
     * The same producer settings as the HTTP path (idempotent, acks=all, keyed by thread) with larger batches,
     * and at most {@link #MAX_IN_FLIGHT} records awaiting acknowledgement, so reading waits for the broker
     * instead of filling memory.
     */
    final class Kafka implements CommentSink {

        static final int MAX_IN_FLIGHT = 10_000;

        private final KafkaProducer<String, byte[]> producer;
        private final String topic;
        private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);

        Kafka(String bootstrapServers, String topic) {
            this.topic = topic;
            this.producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, "comment-ingest-import",
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 20,
                    ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                    // A wrong address should end the run in seconds, not after the client's minute.
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                    new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public void send(ArchiveEntry.Comment comment, ImportSummary summary) throws InterruptedException {
            slots.acquire();
            var event = comment.event();
            try {
                producer.send(new ProducerRecord<>(topic, event.threadId(), ContractJson.write(event)),
                        (metadata, error) -> {
                            slots.release();
                            if (error == null) {
                                summary.published();
                            } else {
                                refused(comment, summary, error);
                            }
                        });
            } catch (RuntimeException e) {
                slots.release();
                refused(comment, summary, e);
            }
        }

        /** One refusal stops the run: the broker is likely to refuse the rest too, and a re-run is safe. */
        private static void refused(ArchiveEntry.Comment comment, ImportSummary summary, Throwable error) {
            summary.rejected(comment.location(), "Kafka refused it: " + error.getMessage());
            summary.stopped("Kafka refused a record (" + error.getMessage() + "); fix that and run again, "
                    + "comments already published are recognised by their commentId");
        }

        @Override
        public void close() {
            producer.close(Duration.ofMinutes(2));
        }
    }
}
