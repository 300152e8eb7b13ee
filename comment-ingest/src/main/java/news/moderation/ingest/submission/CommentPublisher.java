package news.moderation.ingest.submission;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.ingest.IngestProperties;
import news.moderation.ingest.outcome.IngestOutcomes;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes accepted comments on the submitted topic, keyed by thread so that a thread stays in order, with at
 * most {@code ingest.publish.max-in-flight} comments waiting for the broker across all requests: when Kafka
 * slows down, requests wait a bounded time for a slot and are then answered 503, instead of piling up in memory.
 */
@Component
final class CommentPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestOutcomes outcomes;
    private final String topic;
    private final Semaphore slots;
    private final Duration acquireTimeout;
    private final int maxInFlight;

    CommentPublisher(KafkaTemplate<String, byte[]> kafka, IngestOutcomes outcomes, IngestProperties properties) {
        this.kafka = kafka;
        this.outcomes = outcomes;
        this.topic = properties.topic();
        this.maxInFlight = properties.publish().maxInFlight();
        this.slots = new Semaphore(maxInFlight);
        this.acquireTimeout = properties.publish().acquireTimeout();
        outcomes.inFlight(() -> maxInFlight - slots.availablePermits());
    }

    /** How many sends one request may have waiting for acknowledgements at once. */
    int window() {
        return maxInFlight;
    }

    /**
     * Completes when the broker has acknowledged the record (acks=all), fails with
     * {@link PublishFailedException} otherwise.
     */
    Mono<Void> publish(CommentSubmitted event) {
        return Mono.fromCallable(() -> handOver(event))
                // waiting for a slot, and send() waiting for topic metadata: never on an event loop
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture);
    }

    /**
     * Hands the record to the producer and returns its acknowledgement. Blocks while it waits for a slot or for
     * topic metadata, so call it off the event loop; calls made one after another reach the partition in that
     * order, which keeps a batch's replies behind their parents.
     */
    CompletableFuture<Void> handOver(CommentSubmitted event) {
        try {
            if (!slots.tryAcquire(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return CompletableFuture.failedFuture(new PublishFailedException(event,
                        new IllegalStateException(maxInFlight + " comments already wait for Kafka")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new PublishFailedException(event, e));
        }
        var sample = outcomes.publishing();
        var acknowledged = new CompletableFuture<Void>();
        try {
            kafka.send(topic, event.threadId(), ContractJson.write(event)).whenComplete((result, error) -> {
                slots.release();
                if (error == null) {
                    outcomes.published(sample);
                    acknowledged.complete(null);
                } else {
                    outcomes.publishFailed(sample);
                    acknowledged.completeExceptionally(new PublishFailedException(event, error));
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            outcomes.publishFailed(sample);
            acknowledged.completeExceptionally(new PublishFailedException(event, e));
        }
        return acknowledged;
    }

    /** The broker did not take the record; the site may retry, commentId makes that idempotent downstream. */
    static final class PublishFailedException extends RuntimeException {

        PublishFailedException(CommentSubmitted event, Throwable cause) {
            super("could not publish comment " + event.commentId() + " of site " + event.siteId()
                    + ": " + NestedExceptionUtils.getMostSpecificCause(cause).getMessage(), cause);
        }
    }
}
