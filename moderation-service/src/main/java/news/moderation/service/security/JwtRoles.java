package news.moderation.service.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a token's roles from the configured claim. Identity providers put roles in different places
 * (Keycloak: {@code realm_access.roles}; Auth0 and Okta: a custom claim), so the claim is a dotted path.
 * Only this service's roles become authorities: an unrelated role in the token grants nothing here.
 */
final class JwtRoles implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final String[] rolesPath;
    private final String usernameClaim;

    JwtRoles(JwtProperties properties) {
        this.rolesPath = properties.rolesClaim().split("\\.");
        this.usernameClaim = properties.usernameClaim();
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        var name = jwt.getClaimAsString(usernameClaim);
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()),
                name == null || name.isBlank() ? jwt.getSubject() : name));
    }

    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        Object value = claims;
        for (var step : rolesPath) {
            if (!(value instanceof Map<?, ?> map)) {
                return List.of();
            }
            value = map.get(step);
        }
        var names = new ArrayList<String>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> names.add(String.valueOf(item)));
        } else if (value instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        }
        var authorities = new ArrayList<GrantedAuthority>();
        for (var name : names) {
            var role = name.toUpperCase(Locale.ROOT);
            role = role.startsWith("ROLE_") ? role.substring(5) : role;
            for (var known : UsersProperties.Role.values()) {
                if (known.name().equals(role)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
                }
            }
        }
        return authorities;
    }
}
