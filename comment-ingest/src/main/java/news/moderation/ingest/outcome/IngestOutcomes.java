package news.moderation.ingest.outcome;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.moderation.contract.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Ends a submission: counts it in {@code ingest.comments} and builds the answer, so that what clients see and
 * what the metrics say cannot drift apart. Every refusal is an RFC 9457 {@code application/problem+json}
 * body with an {@code errors} list of {@code {field, reason}}.
 *
 * <pre>{@code
 * return outcomes.rejected(request, Reason.INVALID_FIELD, "invalid fields: text",
 *         List.of(new Violation("text", "is required")));
 * }</pre>
 */
@Component
public final class IngestOutcomes {

    static final String COMMENTS = "ingest.comments";
    static final String PUBLISH_LATENCY = "ingest.publish.latency";
    static final String TYPE_PREFIX = "urn:news-moderation:problem:";

    /** Long enough for a broker leader election, short enough that a site's retry queue keeps moving. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);
    private final Map<Outcome, Timer> publishTimers = new EnumMap<>(Outcome.class);
    private final MeterRegistry registry;
    private final ServerResponse.Context context;

    public IngestOutcomes(MeterRegistry registry, ServerCodecConfigurer codecs) {
        this.registry = registry;
        // Registered up front so that dashboards see zeros rather than missing series before the first refusal.
        for (var reason : Reason.values()) {
            var outcome = reason == Reason.NONE ? Outcome.ACCEPTED : Outcome.REJECTED;
            counters.put(reason, Counter.builder(COMMENTS)
                    .description("Comment submissions by outcome")
                    .tag("outcome", outcome.tag())
                    .tag("reason", reason.name())
                    .register(registry));
        }
        for (var outcome : Outcome.values()) {
            publishTimers.put(outcome, Timer.builder(PUBLISH_LATENCY)
                    .description("Time from handing a comment to the Kafka producer until the broker acknowledged it")
                    .tag("outcome", outcome.tag())
                    .register(registry));
        }
        // Filters have no ServerResponse machinery of their own; the same writers keep 401s identical to 400s.
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    /** Counts an accepted comment and answers {@code 202 {"commentId": ..., "status": "ACCEPTED"}}. */
    public Mono<ServerResponse> accepted(String commentId) {
        counters.get(Reason.NONE).increment();
        return ServerResponse.accepted()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new Receipt(commentId, Receipt.ACCEPTED));
    }

    /** Counts a refusal and answers with the problem for {@code reason}. */
    public Mono<ServerResponse> rejected(ServerRequest request, Reason reason, String detail, List<Violation> errors) {
        return rejected(request.exchange(), reason, detail, errors);
    }

    /** For web filters, which answer before any handler runs. */
    public Mono<Void> reject(ServerWebExchange exchange, Reason reason, String detail, List<Violation> errors) {
        return rejected(exchange, reason, detail, errors).flatMap(response -> response.writeTo(exchange, context));
    }

    /** Starts timing a publish; hand the sample back to {@link #published} or {@link #publishFailed}. */
    public Timer.Sample publishing() {
        return Timer.start(registry);
    }

    public void published(Timer.Sample sample) {
        sample.stop(publishTimers.get(Outcome.ACCEPTED));
    }

    public void publishFailed(Timer.Sample sample) {
        sample.stop(publishTimers.get(Outcome.REJECTED));
    }

    private Mono<ServerResponse> rejected(ServerWebExchange exchange, Reason reason, String detail,
                                          List<Violation> errors) {
        var kind = Kind.of(reason);
        counters.get(reason).increment();
        var problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
        problem.setType(URI.create(TYPE_PREFIX + kind.slug()));
        problem.setTitle(kind.title());
        problem.setInstance(URI.create(exchange.getRequest().getPath().pathWithinApplication().value()));
        problem.setProperty("errors", List.copyOf(errors));
        var response = ServerResponse.status(kind.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        switch (reason) {
            // RFC 9110 requires a challenge with every 401; there is no registered scheme for header keys.
            case UNAUTHORIZED -> response.header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"X-Api-Key\"");
            case PUBLISH_FAILED -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
            default -> {
            }
        }
        return response.bodyValue(problem);
    }

    private record Kind(HttpStatus status, String slug, String title) {

        static Kind of(Reason reason) {
            return switch (reason) {
                case MALFORMED_JSON -> new Kind(HttpStatus.BAD_REQUEST, "malformed-json", "Body is not a JSON object");
                case INVALID_FIELD -> new Kind(HttpStatus.BAD_REQUEST, "invalid-comment", "Comment has invalid fields");
                case TOO_LARGE -> new Kind(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body is too large");
                case UNAUTHORIZED -> new Kind(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or unknown API key");
                case PUBLISH_FAILED -> new Kind(HttpStatus.SERVICE_UNAVAILABLE, "publish-failed",
                        "Comment could not be queued, retry later");
                case NONE -> throw new IllegalArgumentException("NONE is not a reason to reject");
            };
        }
    }
}
