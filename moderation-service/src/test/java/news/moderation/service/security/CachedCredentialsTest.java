package news.moderation.service.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCredentialsTest {

    final AtomicInteger checks = new AtomicInteger();

    CachedCredentials cache(Clock clock) {
        return new CachedCredentials(auth -> {
            checks.incrementAndGet();
            return "right".equals(auth.getCredentials())
                    ? Mono.just(UsernamePasswordAuthenticationToken.authenticated(auth.getName(), null, List.of()))
                    : Mono.error(new BadCredentialsException("no"));
        }, Duration.ofMinutes(5), 100, clock);
    }

    static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("alice", password);
    }

    @Test
    void aVerifiedPasswordIsNotCheckedAgainUntilItsEntryExpires() {
        var clock = new MutableClock();
        var cache = cache(clock);

        cache.authenticate(login("right")).block();
        cache.authenticate(login("right")).block();
        assertThat(checks).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        cache.authenticate(login("right")).block();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysChecked() {
        var cache = cache(new MutableClock());

        cache.authenticate(login("right")).block();
        assertThatThrownBy(() -> cache.authenticate(login("wrong")).block()).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("wrong")).block()).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
