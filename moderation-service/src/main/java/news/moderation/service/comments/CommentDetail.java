package news.moderation.service.comments;

import news.moderation.contract.CommentModerated;
import news.moderation.contract.ModerationStatus;

import java.time.Instant;
import java.util.List;

/**
 * Everything about one comment a moderator may want before deciding: the text and the reasons, who did
 * what to it and why, and where it sits in its thread.
 */
public record CommentDetail(
        String commentId, String siteId, String threadId, String threadTitle, String threadUrl, String parentId,
        String authorId, String authorName, String text, Instant postedAt, Instant receivedAt,
        ModerationStatus status, int score, List<CommentModerated.Reason> reasons, String ruleSetVersion,
        long version, String decidedBy, Instant decidedAt, List<HistoryEntry> history,
        List<ThreadComment> ancestors, List<ThreadComment> siblings) {

    /** One step of the comment's moderation: the rules' verdict first, then every decision. */
    public record HistoryEntry(Instant at, String by, ModerationStatus status, String reason, String ruleSetVersion) {
    }

    /** A comment of the same thread, shortened to what context needs. */
    public record ThreadComment(String commentId, String parentId, String authorName, ModerationStatus status,
                                Instant postedAt, String text) {
    }
}
