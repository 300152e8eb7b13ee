package news.moderation.service.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import news.moderation.service.comments.CommentStore;
import news.moderation.service.comments.ReviewQueue;
import news.moderation.service.comments.VerdictEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Periodic work beside the pipeline: publishes events a crash or an outage left in outboxes, re-opens
 * queue entries whose decision a crash interrupted, and keeps
 * the pending-queue gauges fresh (counted on a timer, never on a scrape): the depth, and the age of the
 * longest-waiting comment, which grows between counts so a stalled count cannot hide a stalled queue.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final VerdictEvents events;
    private final CommentStore store;
    private final ReviewQueue queue;
    private final PipelineProperties properties;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();
    // only the scheduler's thread reads and writes it
    private Instant nextSweep;

    Housekeeping(VerdictEvents events, CommentStore store, ReviewQueue queue, PipelineProperties properties,
                 Clock clock, MeterRegistry meters) {
        this.events = events;
        this.store = store;
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
        this.nextSweep = clock.instant().plus(properties.outboxFirstSweep());
        Gauge.builder("moderation.queue.depth", pending, AtomicLong::get)
                .description("comments waiting for a moderator").register(meters);
        Gauge.builder("moderation.queue.oldest.age", this, Housekeeping::oldestPendingAgeSeconds)
                .description("how long the longest-waiting pending comment has waited since ingest received it")
                .baseUnit("seconds").register(meters);
    }

    /**
     * Sweeps outboxes soon after a start (a crashed predecessor's leftovers), then every
     * {@code outbox-sweep-interval}, and as soon as events this instance failed to publish are old enough
     * to be swept. Not on every check: the sweep reads the big comments collection, which real MongoDB
     * answers from a sparse index but mongo-java-server scans under its collection lock.
     */
    @Scheduled(fixedDelayString = "${moderation.pipeline.outbox-check-interval:5s}")
    void publishForgottenEvents() {
        var now = clock.instant();
        var olderThan = now.minus(properties.outboxMinAge());
        var failureDue = events.failedSince().filter(failed -> failed.isBefore(olderThan)).isPresent();
        if (now.isBefore(nextSweep) && !failureDue) {
            return;
        }
        try {
            var published = events.publishForgotten(olderThan, properties.outboxSweepLimit())
                    .block(properties.batchTimeout());
            if (published != null && published > 0) {
                log.info("published outstanding events of {} comments", published);
            }
            if (published != null && published < properties.outboxSweepLimit()) {
                events.sweptUpTo(olderThan);
            }
            nextSweep = now.plus(properties.outboxSweepInterval());
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed, will retry: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${moderation.pipeline.reopen-interval:30s}",
            initialDelayString = "${moderation.pipeline.reopen-interval:30s}")
    void reopenAbandonedDecisions() {
        try {
            var reopened = store.reopenAbandonedDecisions(clock.instant().minus(properties.batchTimeout()))
                    .block(properties.batchTimeout());
            if (reopened != null && reopened > 0) {
                log.warn("re-opened {} queue entries whose decision was never finished", reopened);
            }
        } catch (RuntimeException e) {
            log.warn("abandoned decisions not re-opened, will retry: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${moderation.pipeline.queue-depth-interval:15s}")
    void countPending() {
        try {
            var count = store.pendingCount().block(properties.batchTimeout());
            if (count != null) {
                pending.set(count);
            }
            oldestPending.set(queue.oldestPendingReceivedAt().blockOptional(properties.batchTimeout()).orElse(null));
        } catch (RuntimeException e) {
            log.debug("queue depth not counted: {}", e.getMessage());
        }
    }

    private double oldestPendingAgeSeconds() {
        var oldest = oldestPending.get();
        if (oldest == null) {
            return 0;
        }
        // a receivedAt from a clock ahead of ours is no reason for a negative age
        return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
