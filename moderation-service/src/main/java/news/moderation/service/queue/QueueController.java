package news.moderation.service.queue;

import news.moderation.service.comments.CommentStore;
import news.moderation.service.comments.DecisionOutcome;
import news.moderation.service.comments.ModeratorAction;
import news.moderation.service.comments.ModeratorDecisions;
import news.moderation.service.comments.QueueItem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.Principal;

/**
 * The review queue for moderators.
 *
 * <pre>{@code
 * curl -u demo-moderator:demo localhost:8080/api/v1/queue?limit=20
 * curl -u demo-moderator:demo -H 'Content-Type: application/json' \
 *      -d '{"action":"APPROVE"}' localhost:8080/api/v1/comments/c-1/decision
 * }</pre>
 */
@RestController
class QueueController {

    private final CommentStore store;
    private final ModeratorDecisions decisions;
    private final QueueProperties properties;

    QueueController(CommentStore store, ModeratorDecisions decisions, QueueProperties properties) {
        this.store = store;
        this.decisions = decisions;
        this.properties = properties;
    }

    record Page(java.util.List<QueueItem> items) {
    }

    record DecisionRequest(ModeratorAction action, String reason) {
    }

    @GetMapping("/api/v1/queue")
    Mono<Page> queue(@RequestParam(required = false) Integer limit) {
        int size = limit == null ? properties.defaultLimit() : limit;
        if (size < 1 || size > properties.maxLimit()) {
            return Mono.error(new InvalidParameter("limit", "must be between 1 and " + properties.maxLimit()));
        }
        return store.pendingNewestFirst(size).collectList().map(Page::new);
    }

    @PostMapping("/api/v1/comments/{commentId}/decision")
    Mono<ResponseEntity<?>> decide(@PathVariable String commentId, @RequestBody DecisionRequest request,
                                   Principal moderator) {
        if (request.action() == null) {
            return Mono.error(new InvalidParameter("action", "is required: APPROVE or HIDE"));
        }
        var reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return decisions.decide(commentId, request.action(), reason, moderator.getName()).map(QueueController::answer);
    }

    private static ResponseEntity<?> answer(DecisionOutcome outcome) {
        if (outcome instanceof DecisionOutcome.Applied applied) {
            return ResponseEntity.ok(applied.state());
        }
        if (outcome instanceof DecisionOutcome.Unchanged unchanged) {
            return ResponseEntity.ok(unchanged.state());
        }
        if (outcome instanceof DecisionOutcome.Conflict conflict) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "the comment changed while you decided; its current state is attached");
            problem.setProperty("current", conflict.current());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        var notFound = (DecisionOutcome.NotFound) outcome;
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no comment with id " + notFound.commentId()));
    }
}
