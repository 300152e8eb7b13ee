package news.moderation.service.comments;

import news.moderation.contract.CommentModerated;
import news.moderation.contract.ModerationStatus;
import news.moderation.service.authors.AuthorSummary;

import java.time.Instant;
import java.util.List;

/** A comment as moderators see it in the queue: why it was held, where it sits, who wrote it, who holds it. */
public record QueueItem(
        String commentId,
        String siteId,
        String threadId,
        String threadTitle,
        String parentId,
        String parentExcerpt,
        String authorId,
        String authorName,
        AuthorSummary author,
        String text,
        Instant postedAt,
        Instant receivedAt,
        ModerationStatus status,
        int score,
        List<CommentModerated.Reason> reasons,
        String ruleSetVersion,
        Claim claim,
        long version) {

    /** Who has leased the item and until when; null when nobody has. */
    public record Claim(String by, Instant until) {
    }

    QueueItem withAuthor(AuthorSummary summary) {
        return new QueueItem(commentId, siteId, threadId, threadTitle, parentId, parentExcerpt, authorId, authorName,
                summary, text, postedAt, receivedAt, status, score, reasons, ruleSetVersion, claim, version);
    }
}
