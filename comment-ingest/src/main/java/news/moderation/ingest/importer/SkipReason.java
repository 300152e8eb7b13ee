package news.moderation.ingest.importer;

import java.util.Locale;

/** Why an archive entry was left out on purpose: not an error, and not a reason to exit non-zero. */
enum SkipReason {
    /** Marked as spam by the source system: moderating it again would only fill the review queue. */
    SPAM,
    /** Deleted or trashed in the source, or in a deleted thread: readers never saw it. */
    DELETED,
    /** WordPress pingbacks and trackbacks are link notices from other sites, not readers' comments. */
    PINGBACK;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
