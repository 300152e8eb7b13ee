package news.moderation.service.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class JwtRolesTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> tokens() {
        return Stream.of(
                arguments("roles", Map.of("roles", List.of("MODERATOR")), List.of("ROLE_MODERATOR")),
                arguments("roles", Map.of("roles", List.of("admin", "moderator")), List.of("ROLE_ADMIN", "ROLE_MODERATOR")),
                arguments("scope", Map.of("scope", "openid moderator"), List.of("ROLE_MODERATOR")),
                arguments("groups", Map.of("groups", "ROLE_ADMIN,other"), List.of("ROLE_ADMIN")),
                arguments("realm_access.roles", Map.of("realm_access", Map.of("roles", List.of("admin"))), List.of("ROLE_ADMIN")),
                // roles this service does not know grant nothing, and a missing or mistyped claim grants nothing
                arguments("roles", Map.of("roles", List.of("superuser", "reader")), List.of()),
                arguments("roles", Map.of(), List.of()),
                arguments("realm_access.roles", Map.of("realm_access", "admin"), List.of()),
                arguments("roles", Map.of("roles", 42), List.of()));
    }

    @ParameterizedTest(name = "{0} in {1} gives {2}")
    @MethodSource("tokens")
    void onlyThisServicesRolesFromTheConfiguredClaimBecomeAuthorities(String claim, Map<String, Object> claims,
                                                                      List<String> expected) {
        var roles = new JwtRoles(new JwtProperties(claim, "preferred_username"));
        assertThat(roles.authorities(claims)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
