package news.moderation.service.queue;

import news.moderation.service.web.InvalidParameter;

import news.moderation.contract.ModerationStatus;
import news.moderation.service.comments.CommentState;
import news.moderation.service.comments.Cursor;
import news.moderation.service.comments.DecisionOutcome;
import news.moderation.service.comments.ModeratorAction;
import news.moderation.service.comments.ModeratorDecisions;
import news.moderation.service.comments.QueueItem;
import news.moderation.service.comments.QueuePage;
import news.moderation.service.comments.QueueQuery;
import news.moderation.service.comments.QueueStats;
import news.moderation.service.comments.ReviewQueue;
import news.moderation.service.rules.Category;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.List;

/**
 * The review queue for moderators.
 *
 * <pre>{@code
 * curl -u demo-moderator:demo 'localhost:8080/api/v1/queue?sort=priority&category=epithet&limit=20'
 * curl -u demo-moderator:demo -H 'Content-Type: application/json' \
 *      -d '{"action":"APPROVE","version":1}' localhost:8080/api/v1/comments/c-1/decision
 * }</pre>
 */
@RestController
class QueueController {

    private final ReviewQueue queue;
    private final ModeratorDecisions decisions;
    private final QueueProperties properties;
    private final QueueEvents events;
    private final QueueStats stats;

    QueueController(ReviewQueue queue, ModeratorDecisions decisions, QueueProperties properties, QueueEvents events,
                    QueueStats stats) {
        this.stats = stats;
        this.queue = queue;
        this.decisions = decisions;
        this.properties = properties;
        this.events = events;
    }

    @Operation(summary = "Queue depth by status and category, decisions per hour, median time to decision")
    @GetMapping("/api/v1/stats")
    Mono<QueueStats.Snapshot> stats() {
        return stats.current();
    }

    /** Server-sent events: {@code event: ENTERED|LEFT}, data = the change; a comment line every 15 s keeps proxies open. */
    @Operation(summary = "Server-sent events: ENTERED when a comment is held, LEFT when it is decided",
            description = "Fed from comments.moderated, so every instance sees every change.")
    @GetMapping(value = "/api/v1/queue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<QueueEvents.Change>> stream() {
        var changes = events.changes().map(change -> ServerSentEvent.builder(change)
                .event(change.type().name()).id(change.commentId()).build());
        var heartbeats = Flux.interval(properties.streamHeartbeat())
                .map(tick -> ServerSentEvent.<QueueEvents.Change>builder().comment("keep-alive").build());
        // the headers leave with the first bytes: a comment at once tells clients (the console's "Live") the
        // stream is open, rather than at the first change or heartbeat
        return Flux.merge(changes, heartbeats)
                .startWith(ServerSentEvent.<QueueEvents.Change>builder().comment("open").build());
    }

    record DecisionRequest(String action, String reason, Long version) {
    }

    record ClaimRequest(Integer limit, String siteId, String threadId, String category, Integer minSeverity,
                        String authorId, String sort) {
    }

    record BulkRequest(List<String> ids, String action, String reason) {
    }

    enum BulkResult {
        APPLIED,
        UNCHANGED,
        CONFLICT,
        NOT_FOUND
    }

    record BulkItem(String commentId, BulkResult result, CommentState state) {
    }

    record Claimed(List<QueueItem> items) {
    }

    @Operation(summary = "A page of the queue, with each comment's reasons, parent excerpt, author and claim",
            description = "Pass nextCursor back as cursor (with the same sort) for the next page; pages stay stable "
                    + "while new comments arrive.")
    @GetMapping("/api/v1/queue")
    Mono<QueuePage> queue(@Parameter(description = "default: PENDING", schema = @Schema(implementation = ModerationStatus.class))
                          @RequestParam(required = false) String status,
                          @RequestParam(required = false) String siteId,
                          @RequestParam(required = false) String threadId,
                          @Parameter(schema = @Schema(implementation = Category.class))
                          @RequestParam(required = false) String category,
                          @Parameter(description = "only comments with a match of at least this severity (0-5)")
                          @RequestParam(required = false) Integer minSeverity,
                          @RequestParam(required = false) String authorId,
                          @Parameter(description = "only items leased to this moderator")
                          @RequestParam(required = false) String claimedBy,
                          @Parameter(description = "default: newest", schema = @Schema(implementation = QueueQuery.Order.class))
                          @RequestParam(required = false) String sort,
                          @Parameter(description = "opaque; nextCursor of the previous page")
                          @RequestParam(required = false) String cursor,
                          @Parameter(description = "1-200, default 50")
                          @RequestParam(required = false) Integer limit) {
        int size = limit == null ? properties.defaultLimit() : Params.range(limit, 1, properties.maxLimit(), "limit");
        var order = Params.enumOf(QueueQuery.Order.class, sort, "sort");
        Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Cursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter("cursor", "is not a cursor this service issued");
            }
            if (after.order() != (order == null ? QueueQuery.Order.NEWEST : order)) {
                throw new InvalidParameter("cursor", "belongs to sort=" + after.order().name().toLowerCase()
                        + "; keep the sort of the first page");
            }
        }
        var query = new QueueQuery(Params.enumOf(ModerationStatus.class, status, "status"), Params.id(siteId, "siteId"),
                Params.id(threadId, "threadId"), Params.enumOf(Category.class, category, "category"),
                Params.range(minSeverity, 0, 5, "minSeverity"), Params.id(authorId, "authorId"),
                claimedBy == null || claimedBy.isBlank() ? null : claimedBy, order, after, size);
        return queue.page(query);
    }

    @Operation(summary = "Lease up to limit unclaimed pending items to the caller",
            description = "Others do not receive them while the lease lasts; expired leases return to the pool.")
    @PostMapping("/api/v1/queue/claim")
    Mono<Claimed> claim(@RequestBody ClaimRequest request, Principal moderator) {
        int limit = request.limit() == null ? 10 : Params.range(request.limit(), 1, properties.maxLimit(), "limit");
        var query = new QueueQuery(ModerationStatus.PENDING, Params.id(request.siteId(), "siteId"),
                Params.id(request.threadId(), "threadId"), Params.enumOf(Category.class, request.category(), "category"),
                Params.range(request.minSeverity(), 0, 5, "minSeverity"), Params.id(request.authorId(), "authorId"), null,
                Params.enumOf(QueueQuery.Order.class, request.sort() == null ? "priority" : request.sort(), "sort"),
                null, limit);
        return queue.claim(query, limit, moderator.getName(), properties.claimLease()).map(Claimed::new);
    }

    @Operation(summary = "Release your claim on a comment early")
    @DeleteMapping("/api/v1/claims/{commentId}")
    Mono<ResponseEntity<Object>> release(@PathVariable String commentId, Principal moderator) {
        return queue.release(commentId, moderator.getName()).map(released -> released
                ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "you hold no claim on comment " + commentId)));
    }

    @Operation(summary = "Approve or hide a comment",
            description = "action: APPROVE or HIDE. With version (from the queue item), a decision on a comment that "
                    + "changed since answers 409 with its current state; every decision is recorded and published.")
    @ApiResponse(responseCode = "200", description = "decided (or already in that state)")
    @ApiResponse(responseCode = "409", description = "stale version; the body's current holds the comment's state",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "no such comment",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/api/v1/comments/{commentId}/decision")
    Mono<ResponseEntity<?>> decide(@PathVariable String commentId, @RequestBody DecisionRequest request,
                                   Principal moderator) {
        var action = Params.required(ModeratorAction.class, request.action(), "action");
        return decisions.decide(commentId, action, reason(request.reason()), moderator.getName(), request.version())
                .map(QueueController::answer);
    }

    @Operation(summary = "Decide many comments at once; each id gets its own result",
            description = "Results: APPLIED, UNCHANGED, CONFLICT (decided by someone else meanwhile), NOT_FOUND.")
    @PostMapping("/api/v1/decisions/bulk")
    Mono<List<BulkItem>> bulk(@RequestBody BulkRequest request, Principal moderator) {
        var action = Params.required(ModeratorAction.class, request.action(), "action");
        if (request.ids() == null || request.ids().isEmpty() || request.ids().size() > properties.maxBulk()) {
            throw new InvalidParameter("ids", "must list 1 to " + properties.maxBulk() + " comment ids");
        }
        return Flux.fromIterable(request.ids().stream().distinct().toList())
                .concatMap(id -> decisions.decide(id, action, reason(request.reason()), moderator.getName(), null)
                        .map(outcome -> bulkItem(id, outcome)))
                .collectList();
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static BulkItem bulkItem(String id, DecisionOutcome outcome) {
        if (outcome instanceof DecisionOutcome.Applied applied) {
            return new BulkItem(id, BulkResult.APPLIED, applied.state());
        }
        if (outcome instanceof DecisionOutcome.Unchanged unchanged) {
            return new BulkItem(id, BulkResult.UNCHANGED, unchanged.state());
        }
        if (outcome instanceof DecisionOutcome.Conflict conflict) {
            return new BulkItem(id, BulkResult.CONFLICT, conflict.current());
        }
        return new BulkItem(id, BulkResult.NOT_FOUND, null);
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
                    "the comment changed since you saw it; its current state is attached");
            problem.setTitle("Stale version");
            problem.setProperty("current", conflict.current());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        var notFound = (DecisionOutcome.NotFound) outcome;
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no comment with id " + notFound.commentId()));
    }
}
