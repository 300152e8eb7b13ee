package news.moderation.service.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import news.moderation.service.comments.CommentStore;
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
    private final PipelineProperties properties;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();

    Housekeeping(VerdictEvents events, CommentStore store, PipelineProperties properties, Clock clock,
                 MeterRegistry meters) {
        this.events = events;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("moderation.queue.depth", pending, AtomicLong::get)
                .description("comments waiting for a moderator").register(meters);
        Gauge.builder("moderation.queue.oldest.age", this, Housekeeping::oldestPendingAgeSeconds)
                .description("how long the longest-waiting pending comment has waited since ingest received it")
                .baseUnit("seconds").register(meters);
    }

    @Scheduled(fixedDelayString = "${moderation.pipeline.outbox-sweep-interval:30s}",
            initialDelayString = "${moderation.pipeline.outbox-sweep-interval:30s}")
    void publishForgottenEvents() {
        try {
            var published = events.publishForgotten(clock.instant().minus(properties.outboxMinAge()),
                    properties.outboxSweepLimit()).block(properties.batchTimeout());
            if (published != null && published > 0) {
                log.info("published outstanding events of {} comments", published);
            }
            var reopened = store.reopenAbandonedDecisions(clock.instant().minus(properties.batchTimeout()))
                    .block(properties.batchTimeout());
            if (reopened != null && reopened > 0) {
                log.warn("re-opened {} queue entries whose decision was never finished", reopened);
            }
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed, will retry: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${moderation.pipeline.queue-depth-interval:15s}")
    void countPending() {
        try {
            var count = store.pendingCount().block(properties.batchTimeout());
            if (count != null) {
                pending.set(count);
            }
            oldestPending.set(store.oldestPendingReceivedAt().blockOptional(properties.batchTimeout()).orElse(null));
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
