package news.moderation.service.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

import java.time.Clock;
import java.time.Duration;

/**
 * Denies by default; the API is for signed-in moderators, the actuator's probes and metrics for ops, the
 * OpenAPI document and Swagger UI for anyone who can reach the service.
 *
 * <p>Two ways in, usable side by side: HTTP Basic against {@code moderation.security.users}, and bearer
 * tokens when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}) is set.
 *
 * <p>The moderator console's page and static files ({@code GET /}, {@code /console/**}) are matched first by
 * {@code console.ConsoleSecurity}'s chain; the console then calls this API like any other client.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, UsersProperties users, JwtProperties jwt,
                                       ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
                                       PasswordEncoder passwordEncoder, Clock clock) {
        var basic = !users.users().isEmpty();
        var bearer = jwtDecoder.getIfAvailable() != null;
        if (!basic && !bearer) {
            throw new IllegalStateException("no way to sign in: set moderation.security.users[0].username, "
                    + ".password (a {bcrypt} hash) and .roles, or spring.security.oauth2.resourceserver.jwt."
                    + "issuer-uri for single sign-on, or run with the 'local' profile");
        }
        var problems = new SecurityProblems(basic, bearer);
        http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // every request carries its credentials: no server-side session to create, store or look up
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/authors/*/status").hasRole("ADMIN")
                        .pathMatchers("/api/v1/rulesets/**", "/api/v1/rules/**").hasRole("ADMIN")
                        .pathMatchers("/api/v1/**").hasAnyRole("MODERATOR", "ADMIN")
                        .anyExchange().denyAll());
        if (basic) {
            http.httpBasic(b -> b.authenticationManager(basicCredentials(users, passwordEncoder, clock))
                    .authenticationEntryPoint(problems));
        } else {
            http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable);
        }
        if (bearer) {
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.jwtAuthenticationConverter(new JwtRoles(jwt)))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        return http.build();
    }

    private static CachedCredentials basicCredentials(UsersProperties users, PasswordEncoder passwordEncoder,
                                                      Clock clock) {
        // built here, not by Spring, so stored hashes are never rewritten ("upgraded") on sign-in
        var checker = new UserDetailsRepositoryReactiveAuthenticationManager(new MapReactiveUserDetailsService(
                users.users().stream()
                        .map(u -> User.withUsername(u.username())
                                .password(u.password())
                                .roles(u.roles().stream().map(Enum::name).toArray(String[]::new))
                                .build())
                        .toList()));
        checker.setPasswordEncoder(passwordEncoder);
        return new CachedCredentials(checker, Duration.ofMinutes(5), 10_000, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
