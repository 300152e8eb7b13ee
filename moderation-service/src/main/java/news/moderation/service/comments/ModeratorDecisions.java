package news.moderation.service.comments;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A moderator's decision: stored with optimistic concurrency, then announced as {@code CommentModerated}
 * with {@code decidedBy} = the moderator.
 *
 * <pre>{@code
 * decisions.decide("c-1", ModeratorAction.HIDE, "abuse", "alice")
 *          .map(outcome -> outcome instanceof DecisionOutcome.Conflict ? 409 : 200);
 * }</pre>
 */
@Component
public class ModeratorDecisions {

    private final CommentStore store;
    private final VerdictEvents events;

    ModeratorDecisions(CommentStore store, VerdictEvents events) {
        this.store = store;
        this.events = events;
    }

    public Mono<DecisionOutcome> decide(String commentId, ModeratorAction action, String reason, String moderator) {
        return store.decide(commentId, action, reason, moderator)
                .flatMap(outcome -> outcome instanceof DecisionOutcome.Applied
                        ? events.publishPending(List.of(commentId)).thenReturn(outcome)
                        : Mono.just(outcome));
    }
}
