package news.moderation.ingest.sites;

import java.time.Duration;

/**
 * One site's budget: refills at {@code ratePerSecond} up to {@code burst}. It may go into debt, so that a batch
 * larger than the burst is still admitted once and then paid for by the requests after it; the long-run rate
 * stays the configured one.
 */
final class TokenBucket {

    private final double ratePerMilli;
    private final double burst;
    private double tokens;
    private long lastMillis;

    TokenBucket(double ratePerSecond, int burst, long nowMillis) {
        this.ratePerMilli = ratePerSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.lastMillis = nowMillis;
    }

    /** Takes {@code permits} if at least one token is there; otherwise how long until one will be. */
    synchronized Duration tryTake(int permits, long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1) {
            tokens -= permits;
            return Duration.ZERO;
        }
        return untilOneToken();
    }

    /** Takes {@code permits} unconditionally, into debt if need be: the rest of an admitted batch. */
    synchronized void charge(int permits, long nowMillis) {
        refill(nowMillis);
        tokens -= permits;
    }

    /**
     * Takes one token now and says how long the caller must wait before using it: zero while the bucket has
     * tokens. Waiting callers queue in the order they reserved, as each reservation deepens the debt.
     */
    synchronized Duration reserve(long nowMillis) {
        refill(nowMillis);
        var wait = tokens >= 1 ? Duration.ZERO : untilOneToken();
        tokens -= 1;
        return wait;
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(burst, tokens + (nowMillis - lastMillis) * ratePerMilli);
            lastMillis = nowMillis;
        }
    }

    private Duration untilOneToken() {
        // The epsilon keeps float noise (0.99 + 0.01 != 1.0) from adding a millisecond.
        return Duration.ofMillis(Math.max(1, (long) Math.ceil((1 - tokens) / ratePerMilli - 1e-6)));
    }
}
