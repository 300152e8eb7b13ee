package news.moderation.service.comments;

import java.util.List;

/** One page of the queue and the cursor for the next, null when this is the last page. */
public record QueuePage(List<QueueItem> items, String next) {
}
