package news.moderation.service.queue;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueueStreamHealthTest {

    final QueueEvents events = new QueueEvents();
    final QueueStreamHealth health = new QueueStreamHealth(events);

    @Test
    void outOfServiceUntilTheStreamsTopicIsAssignedThenUp() {
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        events.onPartitionsAssigned(Map.of(new TopicPartition("comments.moderated", 0), 0L), null);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
