package news.moderation.service.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.concurrent.TimeUnit;

/**
 * What happens when a batch cannot be stored: it is retried, with capped exponential back-off and
 * without limit, while the container keeps the consumer paused and polling so the group does not
 * rebalance. Nothing goes to the dead-letter topic for an outage and no offset moves past an unstored
 * comment; poison records never get here, the pipeline dead-letters them itself.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PipelineConfiguration.class);

    @Bean
    DefaultErrorHandler pipelineErrorHandler(PipelineProperties properties, MeterRegistry meters) {
        var backOff = new ExponentialBackOff(properties.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMax().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        var handler = new DefaultErrorHandler((record, e) -> {
            // unreachable with an unlimited back-off; if it ever runs, fail loudly rather than skip
            throw new IllegalStateException("retries exhausted for " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e);
        }, backOff);
        var retries = meters.counter("moderation.pipeline.retries");
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                retries.increment();
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
                retries.increment();
                log.warn("batch of {} records not stored (attempt {}), retrying: {}", records.count(), deliveryAttempt,
                        ex.getMessage());
            }
        });
        return handler;
    }

    @Bean
    MongoClientSettingsBuilderCustomizer failFastWhenMongoIsAway(PipelineProperties properties) {
        long millis = properties.mongoTimeout().toMillis();
        return builder -> builder
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS));
    }
}
