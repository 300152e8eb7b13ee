package news.moderation.service.comments;

import news.moderation.service.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class VerdictEventsTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    final CommentStore store = mock(CommentStore.class);
    @SuppressWarnings("unchecked")
    final VerdictEvents events = new VerdictEvents(store, mock(KafkaTemplate.class),
            new Topics("s", "m", "d", "r", 1, (short) 1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFailedPublishIsRememberedUntilASweepCoversIt() {
        when(store.comments()).thenReturn(Mono.error(new IllegalStateException("no server")));

        assertThatThrownBy(() -> events.publishPending(List.of("c-1")).block()).hasMessageContaining("no server");
        assertThat(events.failedSince()).contains(NOW);

        events.sweptUpTo(NOW.minusSeconds(15));
        assertThat(events.failedSince()).as("a sweep of older events leaves it").contains(NOW);
        events.sweptUpTo(NOW.plusSeconds(1));
        assertThat(events.failedSince()).isEmpty();
    }
}
