package news.moderation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a comment, published on {@code comments.moderated} keyed by {@code threadId} after the
 * verdict is stored: once when the rules decide, and again on every moderator decision.
 *
 * <pre>{@code
 * CommentModerated event = ContractJson.read(bytes, CommentModerated.class);
 * if (event.status() == ModerationStatus.HIDDEN) site.hide(event.commentId());
 * }</pre>
 *
 * @param decidedBy      {@link #DECIDED_BY_RULES} or the moderator's user name
 * @param ruleSetVersion the rule-set version that produced the automatic verdict
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentModerated(
        int schemaVersion,
        UUID eventId,
        String commentId,
        String siteId,
        String threadId,
        ModerationStatus status,
        String decidedBy,
        List<Reason> reasons,
        String ruleSetVersion,
        Instant decidedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** {@code decidedBy} for verdicts made by the rule engine. */
    public static final String DECIDED_BY_RULES = "rules";

    public CommentModerated {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /**
     * One matched rule that contributed to the verdict.
     *
     * @param start offset (UTF-16, inclusive) into the comment's original text
     * @param end   offset (UTF-16, exclusive) into the comment's original text
     */
    public record Reason(String ruleId, String category, int severity, int start, int end, String excerpt) {
    }
}
