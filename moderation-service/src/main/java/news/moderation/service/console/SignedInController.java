package news.moderation.service.console;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Who the credentials belong to. The console calls it to check a sign-in (a 401 here means wrong
 * credentials) and to learn the roles, so it offers admins the rule tester.
 *
 * <pre>{@code
 * curl -u demo-admin:demo localhost:8080/api/v1/me
 * # {"username":"demo-admin","roles":["ADMIN","MODERATOR"]}
 * }</pre>
 */
@RestController
class SignedInController {

    record SignedIn(String username, List<String> roles) {
    }

    @Operation(summary = "The signed-in user's name (as recorded in decisions) and roles")
    @GetMapping("/api/v1/me")
    Mono<SignedIn> me(Authentication authentication) {
        var roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        return Mono.just(new SignedIn(authentication.getName(), roles));
    }
}
