package news.moderation.ingest.submission;

import news.moderation.contract.Violation;
import news.moderation.ingest.IngestProperties;
import news.moderation.ingest.parsing.CommentBodyParser;
import news.moderation.ingest.parsing.EventIds;
import news.moderation.ingest.parsing.ParsedComment;
import news.moderation.ingest.outcome.IngestOutcomes;
import news.moderation.ingest.outcome.Reason;
import news.moderation.ingest.sites.AuthenticatedSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** {@code POST /api/v1/comments} with one JSON comment: read a bounded body, parse, validate, publish, answer. */
@Component
final class SubmissionHandler {

    private static final Logger log = LoggerFactory.getLogger(SubmissionHandler.class);

    private static final EventIds EVENT_IDS = EventIds.random();

    private final CommentPublisher publisher;
    private final IngestOutcomes outcomes;
    private final Clock clock;
    private final int maxBodyBytes;

    SubmissionHandler(CommentPublisher publisher, IngestOutcomes outcomes, Clock clock, IngestProperties properties) {
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.clock = clock;
        this.maxBodyBytes = properties.maxBodyBytes();
    }

    Mono<ServerResponse> submit(ServerRequest request) {
        var site = AuthenticatedSite.of(request.exchange());
        var receivedAt = clock.instant();
        // An honest Content-Length lets us refuse before reading; the bounded join below catches the rest.
        if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
            return tooLarge(request);
        }
        return readBody(request, maxBodyBytes)
                .flatMap(body -> respond(request, site, body, receivedAt))
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(request));
    }

    private Mono<ServerResponse> respond(ServerRequest request, AuthenticatedSite site, byte[] body,
                                         Instant receivedAt) {
        var parsed = CommentBodyParser.parse(body, site.siteId(), EVENT_IDS, receivedAt);
        if (parsed instanceof ParsedComment.Rejected rejected) {
            log.debug("Refused comment from site {}: {}", site.siteId(), rejected.errors());
            return outcomes.rejected(request, rejected.reason(), rejected.detail(), rejected.errors());
        }
        var event = ((ParsedComment.Valid) parsed).event();
        return publisher.publish(event)
                .then(Mono.defer(() -> outcomes.accepted(event.commentId())))
                .onErrorResume(CommentPublisher.PublishFailedException.class, e -> {
                    log.warn(e.getMessage(), e.getCause());
                    return outcomes.rejected(request, Reason.PUBLISH_FAILED,
                            "the comment could not be queued; retry with the same commentId", List.of());
                });
    }

    /** The whole body, refused with {@link DataBufferLimitException} as soon as it passes {@code limit}. */
    static Mono<byte[]> readBody(ServerRequest request, int limit) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), limit)
                .map(SubmissionHandler::bytesOf)
                .defaultIfEmpty(new byte[0]);
    }

    private Mono<ServerResponse> tooLarge(ServerRequest request) {
        var detail = "the body is larger than " + maxBodyBytes + " bytes";
        return outcomes.rejected(request, Reason.TOO_LARGE, detail,
                List.of(new Violation(CommentBodyParser.BODY, "is larger than " + maxBodyBytes + " bytes")));
    }

    /** Copies and releases: pooled buffers must go back before the bytes travel on. */
    static byte[] bytesOf(DataBuffer buffer) {
        try {
            var bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
