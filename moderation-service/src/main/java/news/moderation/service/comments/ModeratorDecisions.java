package news.moderation.service.comments;

import news.moderation.service.authors.AuthorDirectory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A moderator's decision: stored with optimistic concurrency, then announced as {@code CommentModerated}
 * with {@code decidedBy} = the moderator.
 *
 * <pre>{@code
 * decisions.decide("c-1", ModeratorAction.HIDE, "abuse", "alice", 1L)
 *          .map(outcome -> outcome instanceof DecisionOutcome.Conflict ? 409 : 200);
 * }</pre>
 */
@Component
public class ModeratorDecisions {

    private final Decider decider;
    private final VerdictEvents events;
    private final AuthorDirectory authors;

    ModeratorDecisions(Decider decider, VerdictEvents events, AuthorDirectory authors) {
        this.decider = decider;
        this.events = events;
        this.authors = authors;
    }

    /**
     * @param expectedVersion the version the moderator saw; null to decide on whatever is current
     */
    public Mono<DecisionOutcome> decide(String commentId, ModeratorAction action, String reason, String moderator,
                                        Long expectedVersion) {
        return decider.decide(commentId, action, reason, moderator, expectedVersion)
                .flatMap(outcome -> {
                    if (outcome instanceof DecisionOutcome.Applied applied) {
                        return events.publishPending(List.of(commentId))
                                .then(applied.authorId() == null ? Mono.empty()
                                        : authors.recordChange(applied.authorId(), applied.previous(), applied.state().status()))
                                .thenReturn(outcome);
                    }
                    return Mono.just(outcome);
                });
    }
}
