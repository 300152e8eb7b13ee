package news.moderation.ingest.outcome;

import java.util.Locale;

/** The {@code outcome} tag of the ingest meters. */
enum Outcome {
    ACCEPTED,
    REJECTED;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
