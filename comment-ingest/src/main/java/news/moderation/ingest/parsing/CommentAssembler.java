package news.moderation.ingest.parsing;

import news.moderation.contract.CommentLimits;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.Violation;
import news.moderation.ingest.cleaning.TextCleaner;
import news.moderation.ingest.outcome.Reason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where a comment from any source (HTTP body, JSONL line, WordPress or Disqus element) is
 * cleaned and checked against {@link CommentLimits}, so that every path accepts exactly the same comments.
 *
 * <pre>{@code
 * ParsedComment parsed = CommentAssembler.assemble(raw, "daily-news", EventIds.random(), clock.instant(), List.of());
 * }</pre>
 */
public final class CommentAssembler {

    private CommentAssembler() {
    }

    /**
     * @param known violations the source already found (wrong JSON types, unknown fields); their fields are
     *              not reported again, since a field read as absent would otherwise also be "required"
     */
    public static ParsedComment assemble(RawComment raw, String siteId, EventIds eventIds, Instant receivedAt,
                                         List<Violation> known) {
        var violations = new ArrayList<>(known);
        var flagged = new HashSet<String>();
        known.forEach(v -> flagged.add(v.field()));

        // The limit is the reader's, so it is checked on what arrived: markup cannot smuggle in a longer text.
        if (raw.text() != null && !flagged.contains("text")
                && raw.text().codePointCount(0, raw.text().length()) > CommentLimits.MAX_TEXT_CODE_POINTS) {
            flag(violations, flagged, "text", "is longer than " + CommentLimits.MAX_TEXT_CODE_POINTS + " characters");
        }
        var text = cleaned(violations, flagged, "text", raw.text());
        if (text != null && !flagged.contains("text") && text.isBlank() && !raw.text().isBlank()) {
            flag(violations, flagged, "text", "has no text once HTML and control characters are removed");
        }
        var authorName = cleaned(violations, flagged, "authorName", raw.authorName());
        var threadTitle = cleaned(violations, flagged, "threadTitle", raw.threadTitle());

        var eventId = eventIds.eventIdFor(siteId, raw.commentId() == null ? "" : raw.commentId());
        var event = CommentSubmitted.of(eventId, raw.commentId(), siteId, raw.threadId(), threadTitle,
                raw.threadUrl(), raw.parentId(), raw.authorId(), authorName, text,
                raw.postedAt() != null ? raw.postedAt() : receivedAt, receivedAt);
        for (var violation : CommentLimits.violations(event)) {
            if (!flagged.contains(violation.field())) {
                violations.add(violation);
            }
        }
        if (violations.isEmpty()) {
            return new ParsedComment.Valid(event);
        }
        var names = violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", "));
        return new ParsedComment.Rejected(Reason.INVALID_FIELD, "invalid fields: " + names, violations,
                raw.commentId());
    }

    private static String cleaned(List<Violation> violations, java.util.Set<String> flagged, String field,
                                  String value) {
        if (value == null || flagged.contains(field)) {
            return value;
        }
        int surrogate = TextCleaner.firstUnpairedSurrogate(value);
        if (surrogate >= 0) {
            flag(violations, flagged, field, "has an unpaired UTF-16 surrogate at index " + surrogate
                    + " (not valid Unicode)");
            return value;
        }
        return TextCleaner.clean(value);
    }

    private static void flag(List<Violation> violations, java.util.Set<String> flagged, String field, String reason) {
        violations.add(new Violation(field, reason));
        flagged.add(field);
    }
}
