package news.moderation.service.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits of the consuming pipeline ({@code moderation.pipeline.*}).
 *
 * <pre>{@code
 * moderation.pipeline.batch-timeout: 2m        # longest a batch may take to store before it is retried
 * moderation.pipeline.retry-initial: 500ms     # first back-off after a failed batch (MongoDB or Kafka down)
 * moderation.pipeline.retry-max: 30s           # back-off cap; retries go on until the store succeeds
 * moderation.pipeline.mongo-timeout: 5s        # how long the driver looks for a server before failing
 * moderation.pipeline.outbox-sweep-interval: 5m  # safety net; a failed publish is swept at its min age
 * moderation.pipeline.outbox-first-sweep: 30s  # after a start, for what a crashed instance left
 * moderation.pipeline.outbox-min-age: 15s      # events younger than this are left to the pipeline
 * moderation.pipeline.trusted-max-score: 2     # a TRUSTED author's comment scoring at most this is approved
 * }</pre>
 */
@ConfigurationProperties("moderation.pipeline")
record PipelineProperties(
        @DefaultValue("2m") Duration batchTimeout,
        @DefaultValue("500ms") Duration retryInitial,
        @DefaultValue("30s") Duration retryMax,
        @DefaultValue("5s") Duration mongoTimeout,
        @DefaultValue("5m") Duration outboxSweepInterval,
        @DefaultValue("30s") Duration outboxFirstSweep,
        @DefaultValue("15s") Duration outboxMinAge,
        @DefaultValue("1000") int outboxSweepLimit,
        @DefaultValue("15s") Duration queueDepthInterval,
        @DefaultValue("2") int trustedMaxScore,
        @DefaultValue("200") int parentExcerptLength) {
}
