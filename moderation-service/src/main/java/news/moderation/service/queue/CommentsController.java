package news.moderation.service.queue;

import news.moderation.service.comments.CommentDetail;
import news.moderation.service.comments.ThreadNode;
import news.moderation.service.comments.Threads;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * One comment in full, and whole threads.
 *
 * <pre>{@code
 * curl -u demo-moderator:demo localhost:8080/api/v1/comments/mh17-report-belarus-c001
 * curl -u demo-moderator:demo localhost:8080/api/v1/threads/mh17-report-belarus
 * }</pre>
 */
@RestController
class CommentsController {

    private final Threads threads;

    CommentsController(Threads threads) {
        this.threads = threads;
    }

    record Thread(String threadId, List<ThreadNode> comments) {
    }

    @Operation(summary = "A comment in full: verdict, moderation history, ancestors and nearest siblings")
    @GetMapping("/api/v1/comments/{commentId}")
    Mono<CommentDetail> comment(@PathVariable String commentId) {
        return threads.detail(commentId).switchIfEmpty(Mono.error(
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no comment with id " + commentId)));
    }

    @Operation(summary = "A thread's comment tree, with each comment's status")
    @GetMapping("/api/v1/threads/{threadId}")
    Mono<Thread> thread(@PathVariable String threadId) {
        return threads.tree(threadId).flatMap(tree -> tree.isEmpty()
                ? Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no comments in thread " + threadId))
                : Mono.just(new Thread(threadId, tree)));
    }
}
