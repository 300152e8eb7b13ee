package news.moderation.service.comments;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.moderation.contract.ModerationStatus;
import news.moderation.service.authors.AuthorDirectory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ModeratorDecisionsTest {

    final Decider decider = mock(Decider.class);
    final VerdictEvents events = mock(VerdictEvents.class);
    final AuthorDirectory authors = mock(AuthorDirectory.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ModeratorDecisions decisions = new ModeratorDecisions(decider, events, authors, meters);

    @Test
    void everyActionIsCountedFromZeroBeforeAnyDecision() {
        assertThat(decided("APPROVE")).isZero();
        assertThat(decided("HIDE")).isZero();
    }

    @Test
    void decisionsThatChangedACommentAreCountedByAction() {
        when(events.publishPending(any())).thenReturn(Mono.empty());
        when(authors.recordChange(anyString(), any(), any())).thenReturn(Mono.empty());
        outcome("c-1", ModeratorAction.HIDE, applied("c-1", ModerationStatus.HIDDEN));
        outcome("c-2", ModeratorAction.HIDE, applied("c-2", ModerationStatus.HIDDEN));
        outcome("c-3", ModeratorAction.APPROVE, applied("c-3", ModerationStatus.APPROVED));

        decisions.decide("c-1", ModeratorAction.HIDE, null, "alice", 1L).block();
        decisions.decide("c-2", ModeratorAction.HIDE, null, "alice", 1L).block();
        decisions.decide("c-3", ModeratorAction.APPROVE, null, "bob", 1L).block();

        assertThat(decided("HIDE")).isEqualTo(2.0);
        assertThat(decided("APPROVE")).isEqualTo(1.0);
    }

    @Test
    void conflictsRepeatsAndUnknownCommentsAreNotDecisions() {
        var state = new CommentState("c-1", ModerationStatus.HIDDEN, 2, "alice", Instant.EPOCH);
        outcome("c-1", ModeratorAction.HIDE, new DecisionOutcome.Unchanged(state));
        outcome("c-2", ModeratorAction.HIDE, new DecisionOutcome.Conflict(state));
        outcome("c-3", ModeratorAction.HIDE, new DecisionOutcome.NotFound("c-3"));

        decisions.decide("c-1", ModeratorAction.HIDE, null, "bob", null).block();
        decisions.decide("c-2", ModeratorAction.HIDE, null, "bob", 1L).block();
        decisions.decide("c-3", ModeratorAction.HIDE, null, "bob", null).block();

        assertThat(decided("HIDE")).isZero();
    }

    private void outcome(String commentId, ModeratorAction action, DecisionOutcome outcome) {
        when(decider.decide(eq(commentId), eq(action), any(), anyString(), any())).thenReturn(Mono.just(outcome));
    }

    private static DecisionOutcome applied(String commentId, ModerationStatus status) {
        return new DecisionOutcome.Applied(new CommentState(commentId, status, 2, "alice", Instant.EPOCH),
                ModerationStatus.PENDING, "author-1");
    }

    private double decided(String action) {
        return meters.get("moderation.decisions").tag("action", action).counter().count();
    }
}
