package news.moderation.service.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Serves the console's static files to anyone, ahead of the API's chain, which stays as it is: stateless,
 * credentials on every request, 401/403 as problem+json.
 *
 * <p>The console signs in with the API's own credentials: its sign-in form keeps the {@code Authorization}
 * value in the tab's {@code sessionStorage} and sends it on every {@code fetch}, with
 * {@code credentials: 'omit'} so that the browser never raises its own Basic dialog on a 401 and never
 * replays cached credentials. There is no session cookie, so there is nothing for a forged cross-site
 * request to ride on and no CSRF token to keep. The price is that a script injected into the page could
 * read the stored value; the Content-Security-Policy below is the defence: only the console's own files
 * may run, and Trusted Types make every HTML-parsing sink ({@code innerHTML} and the like) throw, so
 * comment text can only ever become text.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** The page and its assets; everything else (the API included) is left to the API's chain. */
    static final String[] ASSETS = {"/", "/index.html", "/console/**", "/favicon.ico"};

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain consoleAssets(ServerHttpSecurity http) {
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, ASSETS))
                .authorizeExchange(exchange -> exchange.anyExchange().permitAll())
                // only GETs of static files match this chain: there is no state to change, nor a session
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frames -> frames.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
