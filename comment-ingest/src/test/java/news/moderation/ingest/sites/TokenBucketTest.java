package news.moderation.ingest.sites;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    long now = 1_000_000;
    final TokenBucket bucket = new TokenBucket(10, 3, now); // 10 per second, burst 3

    @Test
    void aBurstIsAdmittedThenTheNextWaitsForARefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(1, now)).isZero();
        }

        assertThat(bucket.tryTake(1, now)).isEqualTo(Duration.ofMillis(100));
        now += 99;
        assertThat(bucket.tryTake(1, now)).isEqualTo(Duration.ofMillis(1));
        now += 1;
        assertThat(bucket.tryTake(1, now)).isZero();
    }

    @Test
    void aRefusedRequestCostsNothing() {
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(1, now);
        }
        for (int i = 0; i < 50; i++) {
            bucket.tryTake(1, now);
        }

        now += 100;
        assertThat(bucket.tryTake(1, now)).isZero();
    }

    @Test
    void refillingStopsAtTheBurst() {
        now += 60_000;
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(1, now)).isZero();
        }
        assertThat(bucket.tryTake(1, now)).isPositive();
    }

    @Test
    void aBatchLargerThanTheBurstIsAdmittedOnceAndPaidForAfterwards() {
        assertThat(bucket.tryTake(1, now)).isZero();
        bucket.charge(19, now); // 20 comments from a burst of 3: 17 in debt, 18 tokens to wait for

        assertThat(bucket.tryTake(1, now)).isEqualTo(Duration.ofMillis(1_800));
        now += 1_800;
        assertThat(bucket.tryTake(1, now)).isZero();
    }

    @Test
    void reservationsPaceAStreamToTheRate() {
        var waits = new long[6];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = bucket.reserve(now).toMillis();
        }

        // the burst goes at once; then each reservation waits one more tenth of a second
        assertThat(waits).containsExactly(0, 0, 0, 100, 200, 300);
    }
}
