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
        // offline commands (moderate, evaluate) run on the rule engine alone: no Spring context, fast start
        if (news.moderation.service.offline.OfflineCommand.handles(args)) {
            System.exit(news.moderation.service.offline.OfflineCommand.run(args));
        }
        SpringApplication.run(ModerationServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
