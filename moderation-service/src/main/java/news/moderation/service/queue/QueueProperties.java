package news.moderation.service.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Page sizes of the queue listing ({@code moderation.queue.*}). */
@ConfigurationProperties("moderation.queue")
record QueueProperties(@DefaultValue("50") int defaultLimit, @DefaultValue("200") int maxLimit) {
}
