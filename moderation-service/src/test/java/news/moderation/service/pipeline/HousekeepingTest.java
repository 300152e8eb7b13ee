package news.moderation.service.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.moderation.service.comments.CommentStore;
import news.moderation.service.comments.ReviewQueue;
import news.moderation.service.comments.VerdictEvents;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class HousekeepingTest {

    final MutableClock clock = new MutableClock();
    final CommentStore store = mock(CommentStore.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final VerdictEvents events = mock(VerdictEvents.class);
    final ReviewQueue queue = mock(ReviewQueue.class);
    final Housekeeping housekeeping = new Housekeeping(events, store, queue,
            new PipelineProperties(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(30),
                    Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(15), 1000,
                    Duration.ofSeconds(15), 2, 200),
            clock, meters);

    @Test
    void outboxesAreSweptSoonAfterAStartThenEveryIntervalAndWhenAFailedPublishIsOldEnough() {
        when(events.failedSince()).thenReturn(Optional.empty());
        when(events.publishForgotten(any(), anyInt())).thenReturn(Mono.just(0));

        housekeeping.publishForgottenEvents();
        clock.now = clock.now.plusSeconds(30);
        housekeeping.publishForgottenEvents();
        clock.now = clock.now.plusSeconds(60);
        housekeeping.publishForgottenEvents();
        verify(events, times(1)).publishForgotten(clock.now.minusSeconds(60 + 15), 1000);

        // a publish failed 20 s ago: old enough (15 s) for a sweep, long before the 5 minutes are up
        when(events.failedSince()).thenReturn(Optional.of(clock.now.minusSeconds(20)));
        housekeeping.publishForgottenEvents();
        verify(events).publishForgotten(clock.now.minusSeconds(15), 1000);
        verify(events).sweptUpTo(clock.now.minusSeconds(15));

        // one that failed 5 s ago waits until the pipeline's own retry had its chance
        when(events.failedSince()).thenReturn(Optional.of(clock.now.minusSeconds(5)));
        clock.now = clock.now.plusSeconds(1);
        housekeeping.publishForgottenEvents();
        verify(events, times(2)).publishForgotten(any(), anyInt());
    }

    @Test
    void theOldestPendingCommentsAgeGrowsBetweenCountsAndDropsToZeroWhenTheQueueEmpties() {
        queueHolds(2, clock.now.minusSeconds(90));

        housekeeping.countPending();

        assertThat(gauge("moderation.queue.depth")).isEqualTo(2.0);
        assertThat(gauge("moderation.queue.oldest.age")).isEqualTo(90.0);
        clock.now = clock.now.plusSeconds(30);
        assertThat(gauge("moderation.queue.oldest.age")).isEqualTo(120.0);

        queueHolds(0, null);
        housekeeping.countPending();

        assertThat(gauge("moderation.queue.depth")).isZero();
        assertThat(gauge("moderation.queue.oldest.age")).isZero();
    }

    @Test
    void theAgeIsInSecondsAndStartsAtZeroBeforeTheFirstCount() {
        var age = meters.get("moderation.queue.oldest.age").gauge();

        assertThat(age.getId().getBaseUnit()).isEqualTo("seconds");
        assertThat(age.value()).isZero();
    }

    @Test
    void anUnreachableDatabaseLeavesTheLastKnownOldestCommentAgeing() {
        queueHolds(1, clock.now.minusSeconds(60));
        housekeeping.countPending();

        when(store.pendingCount()).thenReturn(Mono.error(new IllegalStateException("no server")));
        when(queue.oldestPendingReceivedAt()).thenReturn(Mono.error(new IllegalStateException("no server")));
        clock.now = clock.now.plusSeconds(600);
        housekeeping.countPending();

        assertThat(gauge("moderation.queue.depth")).isEqualTo(1.0);
        assertThat(gauge("moderation.queue.oldest.age")).isEqualTo(660.0);
    }

    @Test
    void aReceivedAtAheadOfOurClockCountsAsNoWaitRatherThanANegativeAge() {
        queueHolds(1, clock.now.plusSeconds(5));

        housekeeping.countPending();

        assertThat(gauge("moderation.queue.oldest.age")).isZero();
    }

    private void queueHolds(long count, Instant oldest) {
        when(store.pendingCount()).thenReturn(Mono.just(count));
        when(queue.oldestPendingReceivedAt()).thenReturn(oldest == null ? Mono.empty() : Mono.just(oldest));
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
