package news.moderation.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * Consumes {@code comments.submitted}, applies the rules, stores verdicts in MongoDB, publishes
 * {@code comments.moderated} and serves the review queue.
 *
 * <pre>{@code
 * java -jar moderation-service.jar --spring.profiles.active=local
 * }</pre>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ModerationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ModerationServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
