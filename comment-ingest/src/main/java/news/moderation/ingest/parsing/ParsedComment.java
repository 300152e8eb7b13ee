package news.moderation.ingest.submission;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.Violation;
import news.moderation.ingest.outcome.Reason;

import java.util.List;

/** What a request body turned out to be: an event ready to publish, or why it is not one. */
sealed interface ParsedComment {

    record Valid(CommentSubmitted event) implements ParsedComment {
    }

    /** @param reason {@link Reason#MALFORMED_JSON} or {@link Reason#INVALID_FIELD} */
    record Rejected(Reason reason, String detail, List<Violation> errors) implements ParsedComment {

        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
