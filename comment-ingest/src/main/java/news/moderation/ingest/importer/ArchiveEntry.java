package news.moderation.ingest.importer;

import news.moderation.contract.CommentSubmitted;

/** One entry read from an archive: a comment to publish, one left out on purpose, or one that is invalid. */
sealed interface ArchiveEntry {

    Location location();

    record Comment(Location location, CommentSubmitted event) implements ArchiveEntry {
    }

    record Skipped(Location location, SkipReason reason) implements ArchiveEntry {
    }

    /** @param reason what a person needs to fix it, e.g. {@code text: is longer than 10000 characters} */
    record Rejected(Location location, String reason) implements ArchiveEntry {
    }
}
