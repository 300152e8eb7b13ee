package news.moderation.service.comments;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.moderation.service.authors.AuthorDirectory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A moderator's decision: stored with optimistic concurrency, then announced as {@code CommentModerated}
 * with {@code decidedBy} = the moderator. Each decision that changed a comment counts in
 * {@code moderation.decisions} by action, for the moderators' throughput on dashboards.
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
    private final Map<ModeratorAction, Counter> decided = new EnumMap<>(ModeratorAction.class);

    ModeratorDecisions(Decider decider, VerdictEvents events, AuthorDirectory authors, MeterRegistry meters) {
        this.decider = decider;
        this.events = events;
        this.authors = authors;
        // registered up front, so that the first decision after a start shows in increase()
        for (var action : ModeratorAction.values()) {
            decided.put(action, Counter.builder("moderation.decisions").tag("action", action.name())
                    .description("moderators' decisions that changed a comment").register(meters));
        }
    }

    /**
     * @param expectedVersion the version the moderator saw; null to decide on whatever is current
     */
    public Mono<DecisionOutcome> decide(String commentId, ModeratorAction action, String reason, String moderator,
                                        Long expectedVersion) {
        return decider.decide(commentId, action, reason, moderator, expectedVersion)
                .flatMap(outcome -> {
                    if (outcome instanceof DecisionOutcome.Applied applied) {
                        decided.get(action).increment();
                        return events.publishPending(List.of(commentId))
                                .then(applied.authorId() == null ? Mono.empty()
                                        : authors.recordChange(applied.authorId(), applied.previous(), applied.state().status()))
                                .thenReturn(outcome);
                    }
                    return Mono.just(outcome);
                });
    }
}
