package news.moderation.service.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits of the moderators' API ({@code moderation.queue.*}).
 *
 * <pre>{@code
 * moderation.queue.claim-lease: 10m   # how long claimed items stay with their moderator
 * }</pre>
 */
@ConfigurationProperties("moderation.queue")
record QueueProperties(@DefaultValue("50") int defaultLimit, @DefaultValue("200") int maxLimit,
                       @DefaultValue("5m") Duration claimLease, @DefaultValue("200") int maxBulk,
                       @DefaultValue("15s") Duration streamHeartbeat) {
}
