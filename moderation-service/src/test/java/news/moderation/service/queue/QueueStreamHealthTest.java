package news.moderation.service.queue;

import news.moderation.service.comments.ReviewQueue;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class QueueStreamHealthTest {

    final ReviewQueue queue = mock(ReviewQueue.class);
    final QueueEvents events = new QueueEvents(queue);
    final QueueStreamHealth health = new QueueStreamHealth(events);

    @Test
    void outOfServiceUntilTheStreamsTopicIsAssignedThenUpWithTheQueueReRead() {
        when(queue.reindex()).thenReturn(Mono.empty());
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        events.onPartitionsAssigned(Map.of(new TopicPartition("comments.moderated", 0), 0L), null);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        // changes from here on arrive on the stream; what was queued before is read once
        verify(queue).reindex();
    }
}
