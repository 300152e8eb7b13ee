package news.moderation.service.comments;

import news.moderation.contract.ModerationStatus;

import java.time.Instant;

/** Where a comment stands after a decision, e.g. the body of a decision's answer. */
public record CommentState(String commentId, ModerationStatus status, long version, String decidedBy,
                           Instant decidedAt) {
}
