package news.moderation.service.queue;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: an instance takes moderators' traffic only once it reads {@code comments.moderated},
 * since a console that opened its stream earlier would never hear of the items held meanwhile.
 * Shown as {@code queueStream} under {@code /actuator/health/readiness}.
 */
@Component("queueStream")
class QueueStreamHealth implements HealthIndicator {

    private final QueueEvents events;

    QueueStreamHealth(QueueEvents events) {
        this.events = events;
    }

    @Override
    public Health health() {
        return events.live() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "not yet reading comments.moderated").build();
    }
}
