package news.moderation.ingest;

import news.moderation.ingest.importer.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.Arrays;

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
 *
 * <p>With {@code import} first, it is the archive importer instead, and no server starts:
 * <pre>{@code
 * java -jar comment-ingest.jar import --format wxr --site daily-news --bootstrap-servers kafka:9092 export.xml
 * }</pre>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommentIngestApplication {

    public static void main(String[] args) {
        // Decided before Spring starts: an import needs neither a port nor site keys.
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.main(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(CommentIngestApplication.class, args);
    }

    /** UTC so that receivedAt never depends on the host's zone; tests replace it to pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
