package news.moderation.ingest.submission;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Functional routes: every answer, problems included, is built explicitly rather than by exception mapping. */
@Configuration(proxyBeanMethods = false)
class SubmissionRoutes {

    static final String COMMENTS = "/api/v1/comments";

    @Bean
    RouterFunction<ServerResponse> commentRoutes(SubmissionHandler handler) {
        return RouterFunctions.route().POST(COMMENTS, handler::submit).build();
    }
}
