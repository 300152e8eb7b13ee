package news.moderation.service.comments;

import news.moderation.contract.ModerationStatus;

import java.time.Instant;
import java.util.List;

/** A comment in a thread's tree with its replies, e.g. the body of {@code GET /threads/{threadId}}. */
public record ThreadNode(String commentId, String authorName, ModerationStatus status, Instant postedAt, String text,
                         List<ThreadNode> replies) {
}
