package news.moderation.service.authors;

import news.moderation.contract.ModerationStatus;

/**
 * How an author's standing changes the rules' decision on a new comment.
 *
 * <pre>{@code
 * new AuthorPolicy(2).apply(AuthorStatus.PREMOD, ModerationStatus.APPROVED, 0)  // PENDING, "author PREMOD"
 * }</pre>
 *
 * @param trustedMaxScore a trusted author's comment scoring at most this is approved even if the rules held it
 */
public record AuthorPolicy(int trustedMaxScore) {

    /** The status to store and, when it differs from the rules', why. */
    public record Outcome(ModerationStatus status, String why) {
    }

    public Outcome apply(AuthorStatus author, ModerationStatus byRules, int score) {
        if (author == AuthorStatus.BANNED && byRules != ModerationStatus.HIDDEN) {
            return new Outcome(ModerationStatus.HIDDEN, "author BANNED");
        }
        if (author == AuthorStatus.PREMOD && byRules == ModerationStatus.APPROVED) {
            return new Outcome(ModerationStatus.PENDING, "author PREMOD");
        }
        if (author == AuthorStatus.TRUSTED && byRules == ModerationStatus.PENDING && score <= trustedMaxScore) {
            return new Outcome(ModerationStatus.APPROVED, "author TRUSTED");
        }
        return new Outcome(byRules, null);
    }
}
