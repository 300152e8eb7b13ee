package news.moderation.service.security;

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
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/** Denies by default; the API is for signed-in moderators, the actuator's probes and metrics for ops. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, MapReactiveUserDetailsService users,
                                       PasswordEncoder passwordEncoder, java.time.Clock clock) {
        // built here, not by Spring, so stored hashes are never rewritten ("upgraded") on sign-in
        var checker = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        checker.setPasswordEncoder(passwordEncoder);
        var authentication = new CachedCredentials(checker, java.time.Duration.ofMinutes(5), 10_000, clock);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // every request carries its credentials: no server-side session to create, store or look up
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(basic -> basic.authenticationManager(authentication))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/authors/*/status").hasRole("ADMIN")
                        .pathMatchers("/api/v1/**").hasAnyRole("MODERATOR", "ADMIN")
                        .anyExchange().denyAll())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService users(UsersProperties properties) {
        return new MapReactiveUserDetailsService(properties.users().stream()
                .map(u -> User.withUsername(u.username())
                        .password(u.password())
                        .roles(u.roles().stream().map(Enum::name).toArray(String[]::new))
                        .build())
                .toList());
    }
}
