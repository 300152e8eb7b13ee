package news.moderation.service.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.SecurityWebFilterChain;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({UsersProperties.class, JwtProperties.class})
    static class Properties {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    final ReactiveWebApplicationContextRunner context = new ReactiveWebApplicationContextRunner()
            .withUserConfiguration(Properties.class, SecurityConfiguration.class);

    @Test
    void refusesToStartWithNoWayToSignInAndSaysHowToFixIt() {
        context.run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining("no way to sign in")
                .hasMessageContaining("moderation.security.users").hasMessageContaining("issuer-uri"));
    }

    @Test
    void startsWithBasicUsersAlone() {
        context.withPropertyValues("moderation.security.users[0].username=a", "moderation.security.users[0].password={noop}b",
                        "moderation.security.users[0].roles=MODERATOR")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(SecurityWebFilterChain.class));
    }

    @Test
    void refusesAUserWithoutARole() {
        context.withPropertyValues("moderation.security.users[0].username=a", "moderation.security.users[0].password={noop}b")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("at least one role"));
    }
}
