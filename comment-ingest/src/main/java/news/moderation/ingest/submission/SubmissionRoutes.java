package news.moderation.ingest.submission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Functional routes: every answer, problems included, is built explicitly rather than by exception mapping.
 * NDJSON is a stream wherever it is posted, so a site can point its streaming client at either path.
 */
@Configuration(proxyBeanMethods = false)
class SubmissionRoutes {

    static final String COMMENTS = "/api/v1/comments";
    static final String BATCH = "/api/v1/comments/batch";

    @Bean
    RouterFunction<ServerResponse> commentRoutes(SubmissionHandler single, BatchHandler batch) {
        var ndjson = RequestPredicates.contentType(MediaType.APPLICATION_NDJSON);
        return RouterFunctions.route()
                .POST(COMMENTS, ndjson, batch::submitStream)
                .POST(COMMENTS, single::submit)
                .POST(BATCH, ndjson, batch::submitStream)
                .POST(BATCH, batch::submitArray)
                .build();
    }
}
