package news.moderation.service.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits of the consuming pipeline ({@code moderation.pipeline.*}).
 *
 * <pre>{@code
 * moderation.pipeline.batch-timeout: 2m   # longest a batch may take to store before it is retried
 * }</pre>
 */
@ConfigurationProperties("moderation.pipeline")
record PipelineProperties(@DefaultValue("2m") Duration batchTimeout) {
}
