package news.moderation.service.comments;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ModerationStatus;
import news.moderation.service.rules.Decision;
import news.moderation.service.rules.Verdict;

/**
 * A submitted comment with what the rules said about it and the status it gets, ready to be stored.
 *
 * @param status        usually the rules' decision; the author's standing can override it
 * @param policy        why the status differs from the rules' decision (e.g. "author BANNED"), or null
 * @param parentExcerpt the start of the parent comment's text, for moderators, or null
 */
public record AutomaticVerdict(CommentSubmitted comment, Verdict verdict, ModerationStatus status, String policy,
                               String parentExcerpt) {

    /** The rules' own decision, with no author policy. */
    public AutomaticVerdict(CommentSubmitted comment, Verdict verdict) {
        this(comment, verdict, statusOf(verdict.decision()), null, null);
    }

    public static ModerationStatus statusOf(Decision decision) {
        if (decision == Decision.HIDE) {
            return ModerationStatus.HIDDEN;
        }
        return decision == Decision.REVIEW ? ModerationStatus.PENDING : ModerationStatus.APPROVED;
    }
}
