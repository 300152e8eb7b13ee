package news.moderation.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka topics this service reads and writes ({@code moderation.topics.*}).
 *
 * <pre>{@code
 * moderation.topics.submitted: comments.submitted
 * }</pre>
 */
@ConfigurationProperties("moderation.topics")
public record Topics(
        @DefaultValue("comments.submitted") String submitted,
        @DefaultValue("comments.moderated") String moderated,
        @DefaultValue("comments.submitted.DLT") String deadLetter,
        @DefaultValue("moderation.rulesets") String rulesets,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas) {
}
