package news.moderation.ingest.outcome;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
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
import java.util.function.Supplier;

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
    static final String BATCH_SIZE = "ingest.batch.size";
    static final String IN_FLIGHT = "ingest.publish.in.flight";
    static final String TYPE_PREFIX = "urn:news-moderation:problem:";

    /** Long enough for a broker leader election, short enough that a site's retry queue keeps moving. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);
    private final Map<Outcome, Timer> publishTimers = new EnumMap<>(Outcome.class);
    private final Map<BatchFormat, DistributionSummary> batchSizes = new EnumMap<>(BatchFormat.class);
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
        for (var format : BatchFormat.values()) {
            batchSizes.put(format, DistributionSummary.builder(BATCH_SIZE)
                    .description("Comments per batch request, accepted or not")
                    .baseUnit("comments")
                    .tag("format", format.tag())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(1.0)
                    .maximumExpectedValue(100_000.0)
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

    /** Counts one accepted comment of a batch; the batch answers once, with {@link #batch}. */
    public void countAccepted() {
        counters.get(Reason.NONE).increment();
    }

    /** Counts one refused comment of a batch. */
    public void countRejected(Reason reason) {
        if (reason == Reason.NONE) {
            throw new IllegalArgumentException("NONE is not a reason to reject");
        }
        counters.get(reason).increment();
    }

    /**
     * Records the batch's size and answers {@code 200} with a result per comment. A {@code Retry-After} comes
     * along when some comments could not be queued, so that a client's retry logic need not read the body first.
     */
    public Mono<ServerResponse> batch(BatchFormat format, BatchReport report) {
        batchSizes.get(format).record(report.accepted() + report.rejected());
        var response = ServerResponse.ok().contentType(MediaType.APPLICATION_JSON);
        if (report.items().stream().anyMatch(item -> item.reason() == Reason.PUBLISH_FAILED)) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        }
        return response.bodyValue(report);
    }

    /** Exposes how many comments wait for the broker right now as {@code ingest.publish.in.flight}. */
    public void inFlight(Supplier<Number> current) {
        Gauge.builder(IN_FLIGHT, current).description("Comments handed to Kafka and not yet acknowledged")
                .register(registry);
    }

    /** For the rate limit filter: counts the refusal and answers 429 with {@code Retry-After} in whole seconds. */
    public Mono<Void> throttle(ServerWebExchange exchange, Duration wait, String detail, List<Violation> errors) {
        return rejected(exchange, Reason.RATE_LIMITED, detail, errors, wait)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    /** Counts a refusal and answers with the problem for {@code reason}. */
    public Mono<ServerResponse> rejected(ServerRequest request, Reason reason, String detail, List<Violation> errors) {
        return rejected(request.exchange(), reason, detail, errors, RETRY_AFTER);
    }

    /** For web filters, which answer before any handler runs. */
    public Mono<Void> reject(ServerWebExchange exchange, Reason reason, String detail, List<Violation> errors) {
        return rejected(exchange, reason, detail, errors, RETRY_AFTER)
                .flatMap(response -> response.writeTo(exchange, context));
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

    /** @param retryAfter sent with the reasons a retry can cure: 429 and 503 */
    private Mono<ServerResponse> rejected(ServerWebExchange exchange, Reason reason, String detail,
                                          List<Violation> errors, Duration retryAfter) {
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
            // Whole seconds, rounded up: a client that retries on time must find a token waiting.
            case PUBLISH_FAILED, RATE_LIMITED -> response.header(HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
            default -> {
            }
        }
        return response.bodyValue(problem);
    }

    private record Kind(HttpStatus status, String slug, String title) {

        static Kind of(Reason reason) {
            return switch (reason) {
                case MALFORMED_JSON -> new Kind(HttpStatus.BAD_REQUEST, "malformed-json", "Body is not a JSON object");
                case INVALID_ENCODING -> new Kind(HttpStatus.BAD_REQUEST, "invalid-encoding", "Body is not valid UTF-8");
                case RATE_LIMITED -> new Kind(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                        "Too many comments from this site");
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
