package news.moderation.ingest.outcome;

/**
 * Why a submission ended as it did; the {@code reason} tag of {@code ingest.comments}, so it must stay a small
 * closed set.
 *
 * <pre>{@code
 * outcomes.rejected(request, Reason.INVALID_FIELD, "invalid fields: text", violations);
 * }</pre>
 */
public enum Reason {
    /** Accepted: nothing went wrong. */
    NONE,
    MALFORMED_JSON,
    INVALID_FIELD,
    TOO_LARGE,
    UNAUTHORIZED,
    PUBLISH_FAILED
}
