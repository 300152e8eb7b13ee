package news.moderation.ingest.parsing;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.Violation;
import news.moderation.ingest.outcome.Reason;

import java.util.List;

/**
 * What one comment turned out to be: an event ready to publish, or why it is not one.
 *
 * <pre>{@code
 * if (CommentBodyParser.parse(body, site, EventIds.random(), now) instanceof ParsedComment.Valid valid) {
 *     publish(valid.event());
 * }
 * }</pre>
 */
public sealed interface ParsedComment {

    record Valid(CommentSubmitted event) implements ParsedComment {
    }

    /**
     * @param reason {@link Reason#MALFORMED_JSON}, {@link Reason#INVALID_ENCODING}, {@link Reason#INVALID_FIELD}
     *               or {@link Reason#TOO_LARGE}
     * @param commentId the comment's id when it could be read, so a batch answer can name it
     */
    record Rejected(Reason reason, String detail, List<Violation> errors, String commentId) implements ParsedComment {

        public Rejected {
            errors = List.copyOf(errors);
        }

        public Rejected(Reason reason, String detail, List<Violation> errors) {
            this(reason, detail, errors, null);
        }
    }
}
