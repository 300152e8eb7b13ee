package news.moderation.ingest.sites;

import news.moderation.ingest.IngestProperties;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/** Resolves a presented API key to its site by comparing hashes; the keys themselves are never configured. */
@Component
final class SiteKeys {

    private final List<Entry> entries;

    SiteKeys(IngestProperties properties) {
        this.entries = properties.sites().stream()
                .map(site -> new Entry(new AuthenticatedSite(site.siteId()), site.keyHash()))
                .toList();
    }

    Optional<AuthenticatedSite> siteFor(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        var hash = sha256(presentedKey);
        AuthenticatedSite match = null;
        // No early exit and constant-time equality: response time must not tell how close a guess was.
        for (var entry : entries) {
            if (MessageDigest.isEqual(hash, entry.keyHash())) {
                match = entry.site();
            }
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE must provide SHA-256", e);
        }
    }

    private record Entry(AuthenticatedSite site, byte[] keyHash) {
    }
}
