package news.moderation.service.comments;

import news.moderation.contract.CommentModerated;

import java.time.Instant;
import java.util.List;

/** A held comment as moderators see it in the queue, with why it was held. */
public record QueueItem(
        String commentId,
        String siteId,
        String threadId,
        String threadTitle,
        String parentId,
        String authorId,
        String authorName,
        String text,
        Instant postedAt,
        Instant receivedAt,
        int score,
        List<CommentModerated.Reason> reasons,
        String ruleSetVersion,
        long version) {
}
