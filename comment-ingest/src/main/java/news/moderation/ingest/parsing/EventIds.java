package news.moderation.ingest.parsing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where a comment's {@code eventId} comes from: random for live submissions, derived from site and comment
 * for imports, so that a re-run produces the same events and can be recognised as a repeat.
 *
 * <pre>{@code
 * EventIds.derived().eventIdFor("daily-news", "wp-12-5")   // the same UUID on every run
 * }</pre>
 */
@FunctionalInterface
public interface EventIds {

    UUID eventIdFor(String siteId, String commentId);

    static EventIds random() {
        return (siteId, commentId) -> UUID.randomUUID();
    }

    /** A name-based (version 3) UUID of site and comment id; the NUL keeps "a" + "bc" apart from "ab" + "c". */
    static EventIds derived() {
        return (siteId, commentId) -> UUID.nameUUIDFromBytes(
                (siteId + '\u0000' + commentId).getBytes(StandardCharsets.UTF_8));
    }
}
