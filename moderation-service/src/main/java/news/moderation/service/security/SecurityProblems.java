package news.moderation.service.security;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Answers 401 and 403 as {@code application/problem+json} like every other error of the API, and tells
 * the client which ways in there are ({@code WWW-Authenticate}). The detail never says whether a user
 * exists or which part of the credentials was wrong.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final List<String> challenges;

    SecurityProblems(boolean basic, boolean bearer) {
        var schemes = new java.util.ArrayList<String>();
        if (basic) {
            schemes.add("Basic realm=\"moderation\"");
        }
        if (bearer) {
            schemes.add("Bearer");
        }
        this.challenges = List.copyOf(schemes);
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        var headers = exchange.getResponse().getHeaders();
        for (var challenge : challenges) {
            // RFC 6750: a rejected token is named as such, so clients refresh it rather than ask for a password
            headers.add(HttpHeaders.WWW_AUTHENTICATE, challenge.equals("Bearer") && failure instanceof InvalidBearerTokenException
                    ? "Bearer error=\"invalid_token\"" : challenge);
        }
        return write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
                "Sign in: HTTP Basic with a configured user, or a bearer token from the site's single sign-on.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.");
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        var path = exchange.getRequest().getPath().value().replace("\\", "\\\\").replace("\"", "\\\"");
        var body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\",\"instance\":\"" + path + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
