package news.moderation.ingest.submission;

import news.moderation.contract.Violation;
import news.moderation.ingest.IngestProperties;
import news.moderation.ingest.outcome.BatchFormat;
import news.moderation.ingest.outcome.BatchReport;
import news.moderation.ingest.outcome.IngestOutcomes;
import news.moderation.ingest.outcome.Reason;
import news.moderation.ingest.parsing.CommentBodyParser;
import news.moderation.ingest.parsing.EventIds;
import news.moderation.ingest.parsing.LineSplitter;
import news.moderation.ingest.parsing.ParsedComment;
import news.moderation.ingest.sites.AuthenticatedSite;
import news.moderation.ingest.sites.RateLimits;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Many comments in one request, each judged on its own: {@code POST /api/v1/comments/batch} with a JSON array
 * (read whole, up to {@code ingest.batch.max-items}), or NDJSON anywhere under {@code /api/v1/comments}
 * (read as a stream, one line at a time, paced to the site's rate). The answer is {@code 200} with a result
 * per comment; one bad comment never sinks the others.
 */
@Component
final class BatchHandler {

    private static final EventIds EVENT_IDS = EventIds.random();
    /** Chunks of the request body read ahead of the parser; Netty's are a few KiB each. */
    private static final int READ_AHEAD = 4;
    /** Lines parsed ahead of their hand-over to Kafka. */
    private static final int PARSE_AHEAD = 32;

    private final CommentPublisher publisher;
    private final IngestOutcomes outcomes;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final IngestProperties.Batch limits;
    private final int maxLineBytes;

    BatchHandler(CommentPublisher publisher, IngestOutcomes outcomes, RateLimits rateLimits, Clock clock,
                 IngestProperties properties) {
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.limits = properties.batch();
        this.maxLineBytes = properties.maxBodyBytes();
    }

    Mono<ServerResponse> submitArray(ServerRequest request) {
        var site = AuthenticatedSite.of(request.exchange());
        var receivedAt = clock.instant();
        if (request.headers().contentLength().orElse(0) > limits.maxBodyBytes()) {
            return tooLarge(request);
        }
        return SubmissionHandler.readBody(request, limits.maxBodyBytes())
                .flatMap(body -> {
                    var batch = CommentBodyParser.parseArray(body, limits.maxItems());
                    if (batch instanceof CommentBodyParser.Batch.Refused refused) {
                        var rejected = refused.rejected();
                        return outcomes.rejected(request, rejected.reason(), rejected.detail(), rejected.errors());
                    }
                    var elements = ((CommentBodyParser.Batch.Elements) batch).elements();
                    // The filter's admission paid for one comment; the batch pays for the rest, into debt if need be.
                    rateLimits.charge(site.siteId(), elements.size() - 1);
                    var items = Flux.range(0, elements.size())
                            .publishOn(Schedulers.boundedElastic(), PARSE_AHEAD)
                            .map(index -> handOver(index, null, CommentBodyParser.parse(elements.get(index),
                                    site.siteId(), EVENT_IDS, receivedAt)));
                    return publish(items, new Tally(true))
                            .flatMap(tally -> outcomes.batch(BatchFormat.JSON, tally.report()));
                })
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(request));
    }

    Mono<ServerResponse> submitStream(ServerRequest request) {
        var site = AuthenticatedSite.of(request.exchange());
        var receivedAt = clock.instant();
        var splitter = new LineSplitter(maxLineBytes);
        Flux<LineSplitter.Line> lines = request.body(BodyExtractors.toDataBuffers())
                .concatMapIterable(buffer -> {
                    var bytes = SubmissionHandler.bytesOf(buffer);
                    return splitter.feed(bytes, 0, bytes.length);
                }, READ_AHEAD)
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                .concatWith(Flux.defer(() -> Flux.fromIterable(splitter.finish())));
        var items = lines.index()
                // The first line was paid for by the filter's admission; each later one waits for its token.
                .concatMap(numbered -> numbered.getT1() == 0 ? Mono.just(numbered.getT2()) : paced(site, numbered.getT2()))
                .publishOn(Schedulers.boundedElastic(), PARSE_AHEAD)
                .map(line -> handOver(null, line.number(), parse(line, site, receivedAt)));
        return publish(items, new Tally(false)).flatMap(tally -> outcomes.batch(BatchFormat.NDJSON, tally.report()));
    }

    private Mono<LineSplitter.Line> paced(AuthenticatedSite site, LineSplitter.Line line) {
        var wait = rateLimits.reserve(site.siteId());
        return wait.isZero() ? Mono.just(line) : Mono.delay(wait).thenReturn(line);
    }

    private ParsedComment parse(LineSplitter.Line line, AuthenticatedSite site, Instant receivedAt) {
        if (line instanceof LineSplitter.Line.TooLong tooLong) {
            var reason = "is larger than " + maxLineBytes + " bytes";
            return new ParsedComment.Rejected(Reason.TOO_LARGE, "line " + tooLong.number() + " has "
                    + tooLong.length() + " bytes; at most " + maxLineBytes + " are allowed per comment",
                    List.of(new Violation(CommentBodyParser.BODY, reason)));
        }
        return CommentBodyParser.parse(((LineSplitter.Line.Text) line).bytes(), site.siteId(), EVENT_IDS, receivedAt);
    }

    /**
     * Runs on a bounded-elastic worker, one item after the other, so the hand-overs keep the request's order
     * (a reply stays behind its parent on the thread's partition) and may block for a publish slot.
     */
    private Pending handOver(Integer index, Long line, ParsedComment parsed) {
        if (parsed instanceof ParsedComment.Valid valid) {
            return new Pending(index, line, parsed, publisher.handOver(valid.event()));
        }
        return new Pending(index, line, parsed, null);
    }

    /** Waits for acknowledgements with at most a window of them outstanding, keeping the results in order. */
    private Mono<Tally> publish(Flux<Pending> pending, Tally tally) {
        return pending.flatMapSequential(Pending::result, publisher.window())
                .doOnNext(item -> {
                    if (item.isAccepted()) {
                        outcomes.countAccepted();
                    } else {
                        outcomes.countRejected(item.reason());
                    }
                })
                .reduce(tally, Tally::add);
    }

    private Mono<ServerResponse> tooLarge(ServerRequest request) {
        return outcomes.rejected(request, Reason.TOO_LARGE, "the body is larger than " + limits.maxBodyBytes()
                        + " bytes; send more, smaller batches or stream NDJSON",
                List.of(new Violation(CommentBodyParser.BODY, "is larger than " + limits.maxBodyBytes() + " bytes")));
    }

    private record Pending(Integer index, Long line, ParsedComment parsed, CompletableFuture<Void> acknowledged) {

        Mono<BatchReport.Item> result() {
            if (parsed instanceof ParsedComment.Rejected rejected) {
                return Mono.just(BatchReport.Item.rejected(index, line, rejected.commentId(), rejected.reason(),
                        rejected.detail(), rejected.errors()));
            }
            var commentId = ((ParsedComment.Valid) parsed).event().commentId();
            return Mono.fromFuture(acknowledged)
                    .thenReturn(BatchReport.Item.accepted(index, line, commentId))
                    .onErrorResume(CommentPublisher.PublishFailedException.class, e -> Mono.just(
                            BatchReport.Item.rejected(index, line, commentId, Reason.PUBLISH_FAILED,
                                    "the comment could not be queued; retry it with the same commentId", List.of())));
        }
    }

    /** Counts as results arrive; keeps every result for an array, only rejections (bounded) for a stream. */
    private static final class Tally {

        private final boolean listAccepted;
        private final List<BatchReport.Item> items = new ArrayList<>();
        private int accepted;
        private int rejected;
        private int unlisted;

        Tally(boolean listAccepted) {
            this.listAccepted = listAccepted;
        }

        Tally add(BatchReport.Item item) {
            if (item.isAccepted()) {
                accepted++;
                if (listAccepted) {
                    items.add(item);
                }
            } else {
                rejected++;
                if (listAccepted || items.size() < BatchReport.MAX_LISTED) {
                    items.add(item);
                } else {
                    unlisted++;
                }
            }
            return this;
        }

        BatchReport report() {
            return new BatchReport(accepted, rejected, items, listAccepted ? null : unlisted);
        }
    }
}
