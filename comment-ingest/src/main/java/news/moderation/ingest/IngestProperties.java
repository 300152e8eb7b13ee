package news.moderation.ingest;

import news.moderation.contract.CommentLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings under {@code ingest}; validated when bound so that a misconfigured instance refuses to start
 * instead of rejecting every request.
 *
 * <pre>{@code
 * ingest:
 *   topic: comments.submitted
 *   max-body-bytes: 65536
 *   batch:
 *     max-items: 500
 *     max-body-bytes: 8388608
 *   publish:
 *     max-in-flight: 1024
 *     acquire-timeout: 5s
 *   sites:
 *     - site-id: daily-news
 *       key-sha256: 90b9f0c7...   # printf %s "$API_KEY" | sha256sum
 *       rate-per-second: 200
 *       burst: 400
 * }</pre>
 *
 * @param topic        where accepted comments are published
 * @param sites        the sites allowed to submit, each with the SHA-256 of its API key and its rate
 * @param maxBodyBytes a single comment's body, and one NDJSON line, above this are refused with 413
 * @param batch        limits of {@code POST /api/v1/comments/batch} with a JSON array
 * @param publish      how many comments may wait for the broker at once
 */
@ConfigurationProperties("ingest")
public record IngestProperties(
        @DefaultValue("comments.submitted") String topic,
        List<Site> sites,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue Batch batch,
        @DefaultValue Publish publish) {

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
        batch = batch == null ? Batch.DEFAULT : batch;
        publish = publish == null ? Publish.DEFAULT : publish;
        if (sites == null || sites.isEmpty()) {
            throw new IllegalStateException(NO_SITES);
        }
        sites = List.copyOf(sites);
        var hashes = new HashSet<String>();
        var rates = new HashMap<String, Site>();
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
            if (!(site.ratePerSecond() > 0) || site.burst() < 1) {
                throw new IllegalArgumentException("ingest.sites[" + i + "] needs rate-per-second > 0 and burst >= 1, was "
                        + site.ratePerSecond() + " and " + site.burst());
            }
            // The rate belongs to the site, not the key: two keys during a rotation share one budget.
            var first = rates.putIfAbsent(site.siteId(), site);
            if (first != null && (first.ratePerSecond() != site.ratePerSecond() || first.burst() != site.burst())) {
                throw new IllegalArgumentException("ingest.sites[" + i + "] gives site " + site.siteId()
                        + " another rate-per-second or burst than its earlier key; set the same on every key");
            }
        }
    }

    /** The configured rate of each site, by site id. */
    public Map<String, Site> sitesById() {
        var byId = new HashMap<String, Site>();
        sites.forEach(site -> byId.putIfAbsent(site.siteId(), site));
        return Map.copyOf(byId);
    }

    /**
     * One site allowed to submit comments. A site may appear more than once with different keys, so that a
     * key can be rotated without downtime.
     *
     * <pre>{@code
     * new IngestProperties.Site("daily-news", "90b9f0c77630ea8488cb0f0864ca69c4a83d20c61f44f89425760d0bef39e8c2", 200, 400)
     * }</pre>
     *
     * @param keySha256     hex SHA-256 of the API key; keys are long random strings, so an unsalted hash is
     *                      enough to keep them out of configuration repositories
     * @param ratePerSecond comments per second the site may send on average, per ingest instance
     * @param burst         comments the site may send at once after a quiet spell
     */
    public record Site(String siteId, String keySha256,
                       @DefaultValue("200") double ratePerSecond,
                       @DefaultValue("400") int burst) {

        /** The hash as bytes, for constant-time comparison. */
        public byte[] keyHash() {
            return HexFormat.of().parseHex(keySha256);
        }
    }

    /**
     * @param maxItems     a JSON array with more comments is refused whole with 413
     * @param maxBodyBytes a JSON array body above this is refused with 413; NDJSON streams have no total limit
     */
    public record Batch(@DefaultValue("500") int maxItems, @DefaultValue("8388608") int maxBodyBytes) {

        public static final Batch DEFAULT = new Batch(500, 8_388_608);

        public Batch {
            if (maxItems < 1 || maxBodyBytes < 1) {
                throw new IllegalArgumentException("ingest.batch.max-items and .max-body-bytes must be positive");
            }
        }
    }

    /**
     * @param maxInFlight    comments handed to the producer and not yet acknowledged, over all requests; a
     *                       comment that cannot get a slot within {@code acquireTimeout} is answered 503
     * @param acquireTimeout how long a comment may wait for a slot
     */
    public record Publish(@DefaultValue("1024") int maxInFlight, @DefaultValue("5s") Duration acquireTimeout) {

        public static final Publish DEFAULT = new Publish(1024, Duration.ofSeconds(5));

        public Publish {
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("ingest.publish.max-in-flight must be positive, was " + maxInFlight);
            }
            if (acquireTimeout == null || acquireTimeout.isNegative()) {
                throw new IllegalArgumentException("ingest.publish.acquire-timeout must not be negative");
            }
        }
    }
}
