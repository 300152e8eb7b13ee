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

/** Publishes accepted comments on the submitted topic, keyed by thread so that a thread stays in order. */
@Component
final class CommentPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final IngestOutcomes outcomes;
    private final String topic;

    CommentPublisher(KafkaTemplate<String, byte[]> kafka, IngestOutcomes outcomes, IngestProperties properties) {
        this.kafka = kafka;
        this.outcomes = outcomes;
        this.topic = properties.topic();
    }

    /**
     * Completes when the broker has acknowledged the record (acks=all), fails with
     * {@link PublishFailedException} otherwise.
     */
    Mono<Void> publish(CommentSubmitted event) {
        var value = ContractJson.write(event);
        return Mono.defer(() -> {
                    var sample = outcomes.publishing();
                    return Mono.fromFuture(() -> kafka.send(topic, event.threadId(), value))
                            .doOnSuccess(result -> outcomes.published(sample))
                            .doOnError(e -> outcomes.publishFailed(sample));
                })
                // send() blocks while it waits for topic metadata (up to max.block.ms): never on an event loop.
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> new PublishFailedException(event, e))
                .then();
    }

    /** The broker did not take the record; the site may retry, commentId makes that idempotent downstream. */
    static final class PublishFailedException extends RuntimeException {

        PublishFailedException(CommentSubmitted event, Throwable cause) {
            super("could not publish comment " + event.commentId() + " of site " + event.siteId()
                    + ": " + NestedExceptionUtils.getMostSpecificCause(cause).getMessage(), cause);
        }
    }
}
