package news.moderation.service.comments;

/** What came of a moderator's decision. */
public sealed interface DecisionOutcome {

    /** The decision changed the comment's status from {@code previous}. */
    record Applied(CommentState state, news.moderation.contract.ModerationStatus previous, String authorId)
            implements DecisionOutcome {
    }

    /** The comment already had that status; nothing was written. */
    record Unchanged(CommentState state) implements DecisionOutcome {
    }

    /** Someone else changed the comment first; {@code current} is what they left. */
    record Conflict(CommentState current) implements DecisionOutcome {
    }

    record NotFound(String commentId) implements DecisionOutcome {
    }
}
