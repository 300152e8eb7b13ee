package news.moderation.ingest.importer;

import news.moderation.contract.Violation;
import news.moderation.ingest.parsing.CommentAssembler;
import news.moderation.ingest.parsing.EventIds;
import news.moderation.ingest.parsing.ParsedComment;
import news.moderation.ingest.parsing.RawComment;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Pulls entries from an archive one at a time, so that memory does not grow with the archive.
 *
 * <pre>{@code
 * try (var reader = ArchiveFormat.WXR.open(in, "daily-news", clock.instant())) {
 *     for (var entry = reader.next(); entry != null; entry = reader.next()) handle(entry);
 * }
 * }</pre>
 */
interface ArchiveReader extends AutoCloseable {

    /** Every import derives eventIds from site and comment id, so that a re-run is recognisably a repeat. */
    EventIds EVENT_IDS = EventIds.derived();

    /** The next entry, or {@code null} at the end. */
    ArchiveEntry next() throws IOException, ArchiveException;

    @Override
    void close() throws IOException;

    /** Cleans and validates a comment exactly as the HTTP API does. */
    static ArchiveEntry assemble(Location location, RawComment raw, String siteId, Instant receivedAt) {
        var parsed = CommentAssembler.assemble(raw, siteId, EVENT_IDS, receivedAt, List.of());
        if (parsed instanceof ParsedComment.Valid valid) {
            return new ArchiveEntry.Comment(location, valid.event());
        }
        return new ArchiveEntry.Rejected(location, describe((ParsedComment.Rejected) parsed));
    }

    static String describe(ParsedComment.Rejected rejected) {
        return rejected.errors().isEmpty()
                ? rejected.detail()
                : rejected.errors().stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /** The archive cannot be read on from here (e.g. XML that is not well-formed); what came before stands. */
    final class ArchiveException extends Exception {

        private final Location location;

        ArchiveException(Location location, String message, Throwable cause) {
            super(location + ": " + message, cause);
            this.location = location;
        }

        Location location() {
            return location;
        }
    }
}
