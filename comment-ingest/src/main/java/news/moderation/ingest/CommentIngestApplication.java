package news.moderation.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The HTTP intake for reader comments: sites POST comments here, authenticated by their API key, and every
 * comment that passes {@link news.moderation.contract.CommentLimits} is published on the submitted topic.
 *
 * <pre>{@code
 * java -jar comment-ingest.jar --spring.profiles.active=local
 * curl -H 'X-Api-Key: demo-site-key' -H 'Content-Type: application/json' \
 *      -d '{"commentId":"c-1","threadId":"t-1","authorId":"u-1","authorName":"Reader","text":"Hello"}' \
 *      http://localhost:8081/api/v1/comments
 * }</pre>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommentIngestApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommentIngestApplication.class, args);
    }

    /** UTC so that receivedAt never depends on the host's zone; tests replace it to pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
