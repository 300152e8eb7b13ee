package news.moderation.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens from the site's single sign-on map to moderators. Tokens are accepted when Spring
 * Boot's resource-server properties name the issuer; these say which claims carry the roles and the name.
 *
 * <pre>{@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri: https://sso.example.com/realms/news
 * moderation.security.jwt.roles-claim: realm_access.roles   # a dotted path into nested claims
 * moderation.security.jwt.username-claim: preferred_username
 * }</pre>
 *
 * @param rolesClaim    claim (dotted path for nested objects) holding a list, or a space- or comma-separated
 *                      string, of role names; {@code MODERATOR} and {@code ADMIN} (any case, optionally
 *                      {@code ROLE_}-prefixed) are recognised, others ignored
 * @param usernameClaim claim recorded as the moderator's name in decisions; {@code sub} when absent
 */
@ConfigurationProperties("moderation.security.jwt")
record JwtProperties(@DefaultValue("roles") String rolesClaim,
                     @DefaultValue("preferred_username") String usernameClaim) {
}
