package news.moderation.service.comments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The in-memory order of the pending queue that each instance keeps ({@code moderation.queue.index.*}).
 *
 * <pre>{@code
 * moderation.queue.index.max-entries: 200000   # beyond this many pending comments, pages come from MongoDB
 * moderation.queue.index.refresh: 2m           # re-read from MongoDB to heal anything the stream missed
 * }</pre>
 *
 * @param enabled    false serves every page straight from MongoDB, as an instance does while its index loads
 * @param maxEntries about 0.5 KB of heap each; a queue longer than this is served from MongoDB
 */
@ConfigurationProperties("moderation.queue.index")
record QueueIndexProperties(@DefaultValue("true") boolean enabled, @DefaultValue("200000") int maxEntries,
                            @DefaultValue("2m") Duration refresh) {
}
