package news.moderation.service.comments;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ModerationStatus;
import news.moderation.service.rules.Verdict;

/** A submitted comment with what the rules said about it, ready to be stored. */
public record AutomaticVerdict(CommentSubmitted comment, Verdict verdict) {

    public ModerationStatus status() {
        if (verdict instanceof Verdict.Hide) {
            return ModerationStatus.HIDDEN;
        }
        return verdict instanceof Verdict.Review ? ModerationStatus.PENDING : ModerationStatus.APPROVED;
    }
}
