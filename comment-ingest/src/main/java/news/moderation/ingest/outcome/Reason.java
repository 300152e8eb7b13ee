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
    /** Bytes that are not UTF-8: refused rather than guessed at, so no reader's text is silently altered. */
    INVALID_ENCODING,
    INVALID_FIELD,
    /** A body, a line or a batch over its configured size or count. */
    TOO_LARGE,
    UNAUTHORIZED,
    /** The site's key is over its configured rate. */
    RATE_LIMITED,
    PUBLISH_FAILED
}
