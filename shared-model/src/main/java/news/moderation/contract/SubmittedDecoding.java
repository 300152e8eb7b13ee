package news.moderation.contract;

/** The outcome of decoding a {@code comments.submitted} record: a valid event, or why it is not one. */
public sealed interface SubmittedDecoding {

    /** Bounded set of reasons, usable as a metric tag and a dead-letter header. */
    enum Problem {
        UNPARSEABLE,
        UNKNOWN_SCHEMA_VERSION,
        INVALID_FIELDS,
        TEXT_TOO_LONG
    }

    record Valid(CommentSubmitted event) implements SubmittedDecoding {
    }

    record Invalid(Problem problem, String detail) implements SubmittedDecoding {
    }
}
