package news.moderation.ingest.importer;

import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;

/** The archive formats {@code import --format} understands. */
enum ArchiveFormat {
    JSONL,
    WXR,
    DISQUS;

    ArchiveReader open(InputStream in, String siteId, Instant receivedAt) throws ArchiveReader.ArchiveException {
        return switch (this) {
            case JSONL -> new JsonlArchive(in, siteId, receivedAt);
            case WXR -> new WxrArchive(in, siteId, receivedAt);
            case DISQUS -> new DisqusArchive(in, siteId, receivedAt);
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ArchiveFormat of(String value) {
        for (var format : values()) {
            if (format.label().equals(value)) {
                return format;
            }
        }
        return null;
    }
}
