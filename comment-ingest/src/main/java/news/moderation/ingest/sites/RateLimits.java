package news.moderation.ingest.sites;

import news.moderation.ingest.IngestProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-site token buckets, in this instance's memory: with N instances behind a load balancer a site gets up
 * to N times its configured rate. Every comment costs one token, whether it comes alone, in a batch or on a
 * stream.
 *
 * <pre>{@code
 * Duration wait = rateLimits.reserve(site.siteId());   // before each line of an NDJSON stream
 * return wait.isZero() ? handle(line) : Mono.delay(wait).then(handle(line));
 * }</pre>
 */
@Component
public final class RateLimits {

    private final Map<String, TokenBucket> buckets;
    private final Clock clock;

    RateLimits(IngestProperties properties, Clock clock) {
        this.clock = clock;
        var byId = new HashMap<String, TokenBucket>();
        properties.sitesById().forEach((siteId, site) ->
                byId.put(siteId, new TokenBucket(site.ratePerSecond(), site.burst(), clock.millis())));
        this.buckets = Map.copyOf(byId);
    }

    /** Admits a request that brings at least one comment: zero when admitted, else how long to wait. */
    Duration admit(String siteId) {
        return bucket(siteId).tryTake(1, clock.millis());
    }

    /** Charges the comments of an admitted batch beyond the one its admission paid for. */
    public void charge(String siteId, int comments) {
        if (comments > 0) {
            bucket(siteId).charge(comments, clock.millis());
        }
    }

    /** Reserves one comment of a stream; the caller waits the answer before going on, which paces the stream. */
    public Duration reserve(String siteId) {
        return bucket(siteId).reserve(clock.millis());
    }

    private TokenBucket bucket(String siteId) {
        var bucket = buckets.get(siteId);
        if (bucket == null) {
            throw new IllegalStateException("no rate configured for site " + siteId);
        }
        return bucket;
    }
}
