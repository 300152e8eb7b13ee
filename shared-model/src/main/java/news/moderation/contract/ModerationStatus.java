package news.moderation.contract;

/** Where a comment stands: visible, waiting for a moderator, or hidden. */
public enum ModerationStatus {
    APPROVED,
    PENDING,
    HIDDEN
}
