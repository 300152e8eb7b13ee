package news.moderation.service.authors;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;

/**
 * Authors' records, and their standing (admins only).
 *
 * <pre>{@code
 * curl -u demo-admin:demo -H 'Content-Type: application/json' \
 *      -d '{"status":"PREMOD","reason":"repeated epithets"}' localhost:8080/api/v1/authors/u-7/status
 * }</pre>
 */
@RestController
class AuthorController {

    private final AuthorDirectory directory;

    AuthorController(AuthorDirectory directory) {
        this.directory = directory;
    }

    record StatusRequest(String status, String reason) {
    }

    @Operation(summary = "An author's counts, status and status history")
    @GetMapping("/api/v1/authors/{authorId}")
    Mono<AuthorDirectory.AuthorRecord> author(@PathVariable String authorId) {
        return directory.find(authorId);
    }

    @Operation(summary = "Set an author's status (ADMIN)", description = "TRUSTED lets low-severity matches through, "
            + "NORMAL applies the rules, PREMOD holds every new comment for review, BANNED hides it.")
    @PostMapping("/api/v1/authors/{authorId}/status")
    Mono<AuthorDirectory.AuthorRecord> setStatus(@PathVariable String authorId, @RequestBody StatusRequest request,
                                                 Principal admin) {
        AuthorStatus status;
        try {
            status = AuthorStatus.valueOf(String.valueOf(request.status()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ServerWebInputException("status '" + request.status() + "' is not one of "
                    + Arrays.toString(AuthorStatus.values()));
        }
        var reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return directory.setStatus(authorId, status, reason, admin.getName());
    }
}
