package news.moderation.ingest;

import news.moderation.contract.CommentLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Settings under {@code ingest}; validated when bound so that a misconfigured instance refuses to start
 * instead of rejecting every request.
 *
 * <pre>{@code
 * ingest:
 *   topic: comments.submitted
 *   max-body-bytes: 65536
 *   sites:
 *     - site-id: daily-news
 *       key-sha256: 90b9f0c7...   # printf %s "$API_KEY" | sha256sum
 * }</pre>
 *
 * @param topic        where accepted comments are published
 * @param sites        the sites allowed to submit, each with the SHA-256 of its API key
 * @param maxBodyBytes request bodies above this are refused with 413 before they are parsed
 */
@ConfigurationProperties("ingest")
public record IngestProperties(
        @DefaultValue("comments.submitted") String topic,
        List<Site> sites,
        @DefaultValue("65536") int maxBodyBytes) {

    static final String NO_SITES = "no site API keys configured: set ingest.sites[0].site-id and "
            + "ingest.sites[0].key-sha256, or run with the local profile";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public IngestProperties {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("ingest.topic must not be blank");
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("ingest.max-body-bytes must be positive, was " + maxBodyBytes);
        }
        if (sites == null || sites.isEmpty()) {
            throw new IllegalStateException(NO_SITES);
        }
        sites = List.copyOf(sites);
        var hashes = new HashSet<String>();
        for (int i = 0; i < sites.size(); i++) {
            var site = sites.get(i);
            if (site == null) {
                throw new IllegalArgumentException("ingest.sites[" + i + "] is empty");
            }
            // The site id is copied into every event; one CommentLimits would reject must fail here, not per comment.
            if (site.siteId() == null || !CommentLimits.SITE_ID.matcher(site.siteId()).matches()) {
                throw new IllegalArgumentException("ingest.sites[" + i + "].site-id must match "
                        + CommentLimits.SITE_ID.pattern() + ", was " + site.siteId());
            }
            if (site.keySha256() == null || !SHA256_HEX.matcher(site.keySha256()).matches()) {
                throw new IllegalArgumentException("ingest.sites[" + i + "].key-sha256 must be the 64 hex digits "
                        + "of the key's SHA-256 (printf %s \"$KEY\" | sha256sum), not the key itself");
            }
            // One key for two sites would let the first match silently win.
            if (!hashes.add(site.keySha256().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("ingest.sites[" + i + "].key-sha256 is configured more than once");
            }
        }
    }

    /**
     * One site allowed to submit comments. A site may appear more than once with different keys, so that a
     * key can be rotated without downtime.
     *
     * <pre>{@code
     * new IngestProperties.Site("daily-news", "90b9f0c77630ea8488cb0f0864ca69c4a83d20c61f44f89425760d0bef39e8c2")
     * }</pre>
     *
     * @param keySha256 hex SHA-256 of the API key; keys are long random strings, so an unsalted hash is enough
     *                  to keep them out of configuration repositories
     */
    public record Site(String siteId, String keySha256) {

        /** The hash as bytes, for constant-time comparison. */
        public byte[] keyHash() {
            return HexFormat.of().parseHex(keySha256);
        }
    }
}
