package news.moderation.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Set;

/**
 * The moderators and admins who may sign in with HTTP Basic ({@code moderation.security.users}).
 * Passwords are stored as {@code {bcrypt}…} hashes. The list may be empty when single sign-on (see
 * {@link JwtProperties}) is configured; the service refuses to start with neither.
 *
 * <pre>{@code
 * moderation.security.users[0].username: alice
 * moderation.security.users[0].password: "{bcrypt}$2a$10$..."
 * moderation.security.users[0].roles: MODERATOR
 * }</pre>
 */
@ConfigurationProperties("moderation.security")
record UsersProperties(List<User> users) {

    enum Role {
        MODERATOR,
        ADMIN
    }

    record User(String username, String password, Set<Role> roles) {
    }

    UsersProperties {
        users = users == null ? List.of() : users;
        for (var user : users) {
            if (user.username() == null || user.username().isBlank() || user.password() == null
                    || user.password().isBlank() || user.roles() == null || user.roles().isEmpty()) {
                throw new IllegalStateException("moderation.security.users: every user needs a username, "
                        + "a password hash and at least one role");
            }
        }
        users = List.copyOf(users);
    }
}
