package news.moderation.service.comments;

import news.moderation.contract.ModerationStatus;

/** What a moderator can do to a comment. */
public enum ModeratorAction {
    APPROVE(ModerationStatus.APPROVED),
    HIDE(ModerationStatus.HIDDEN);

    private final ModerationStatus result;

    ModeratorAction(ModerationStatus result) {
        this.result = result;
    }

    public ModerationStatus result() {
        return result;
    }
}
