package news.moderation.ingest.outcome;

import java.util.Locale;

/**
 * How a batch arrived; the {@code format} tag of {@code ingest.batch.size}.
 *
 * <pre>{@code
 * outcomes.batch(BatchFormat.NDJSON, report);
 * }</pre>
 */
public enum BatchFormat {
    /** {@code application/json}: an array, read whole. */
    JSON,
    /** {@code application/x-ndjson}: one comment a line, read as a stream. */
    NDJSON;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
