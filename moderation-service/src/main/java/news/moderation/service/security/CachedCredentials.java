package news.moderation.service.security;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers credentials that checked out, for a short while. HTTP Basic sends the password with every
 * request and a bcrypt check costs tens of milliseconds of CPU: without this, a moderator working the
 * queue spends more CPU on proving who they are than on the work. Only a SHA-256 of user and password is
 * kept, never the password; a changed password misses the cache and is checked again.
 */
final class CachedCredentials implements ReactiveAuthenticationManager {

    private record Entry(Authentication authentication, Instant expires) {
    }

    private final ReactiveAuthenticationManager delegate;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    CachedCredentials(ReactiveAuthenticationManager delegate, Duration ttl, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        var key = key(authentication.getName(), password);
        var now = clock.instant();
        var hit = verified.get(key);
        if (hit != null && hit.expires().isAfter(now)) {
            return Mono.just(hit.authentication());
        }
        return delegate.authenticate(authentication).doOnNext(result -> {
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(key, new Entry(result, now.plus(ttl)));
        });
    }

    private static String key(String user, String password) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
