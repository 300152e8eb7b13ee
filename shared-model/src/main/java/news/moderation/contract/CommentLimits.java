package news.moderation.contract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The limits both sides of the topic enforce, so that whatever ingest accepts the consumer accepts too.
 *
 * <pre>{@code
 * List<Violation> problems = CommentLimits.violations(event);
 * if (!problems.isEmpty()) reject(problems);
 * }</pre>
 */
public final class CommentLimits {

    /** Longest comment text, counted in Unicode code points of the text as the reader wrote it. */
    public static final int MAX_TEXT_CODE_POINTS = 10_000;
    public static final int MAX_AUTHOR_NAME_CODE_POINTS = 200;
    public static final int MAX_THREAD_TITLE_CODE_POINTS = 500;
    public static final int MAX_URL_LENGTH = 2_048;

    /** Comment, thread, parent and author ids: what the CMSs we import from use, and safe in URLs and logs. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}");

    /** Site ids come from configuration, never from a request body. */
    public static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private CommentLimits() {
    }

    /** All violations of the contract in {@code event}, in field order; empty when it is valid. */
    public static List<Violation> violations(CommentSubmitted event) {
        var found = new ArrayList<Violation>();
        if (event.schemaVersion() != CommentSubmitted.SCHEMA_VERSION) {
            found.add(new Violation("schemaVersion", "unknown schema version " + event.schemaVersion()
                    + " (supported: " + CommentSubmitted.SCHEMA_VERSION + ")"));
        }
        if (event.eventId() == null) {
            found.add(new Violation("eventId", "is required"));
        }
        id(found, "commentId", event.commentId(), true);
        if (event.siteId() == null) {
            found.add(new Violation("siteId", "is required"));
        } else if (!SITE_ID.matcher(event.siteId()).matches()) {
            found.add(new Violation("siteId", "must match " + SITE_ID.pattern()));
        }
        id(found, "threadId", event.threadId(), true);
        maxCodePoints(found, "threadTitle", event.threadTitle(), MAX_THREAD_TITLE_CODE_POINTS);
        url(found, "threadUrl", event.threadUrl());
        id(found, "parentId", event.parentId(), false);
        id(found, "authorId", event.authorId(), true);
        if (isBlank(event.authorName())) {
            found.add(new Violation("authorName", "is required and must not be blank"));
        } else {
            maxCodePoints(found, "authorName", event.authorName(), MAX_AUTHOR_NAME_CODE_POINTS);
        }
        text(found, event.text());
        if (event.postedAt() == null) {
            found.add(new Violation("postedAt", "is required"));
        }
        if (event.receivedAt() == null) {
            found.add(new Violation("receivedAt", "is required"));
        }
        return List.copyOf(found);
    }

    /** Violations of the text alone: missing, blank or over {@link #MAX_TEXT_CODE_POINTS}. */
    public static List<Violation> textViolations(String text) {
        var found = new ArrayList<Violation>();
        text(found, text);
        return found;
    }

    private static void text(List<Violation> found, String text) {
        if (text == null) {
            found.add(new Violation("text", "is required"));
        } else if (isBlank(text)) {
            found.add(new Violation("text", "must not be empty or only whitespace"));
        } else {
            maxCodePoints(found, "text", text, MAX_TEXT_CODE_POINTS);
        }
    }

    private static void id(List<Violation> found, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                found.add(new Violation(field, "is required"));
            }
        } else if (!ID.matcher(value).matches()) {
            found.add(new Violation(field, "must be 1-128 characters of letters, digits and ._:/@- "
                    + "starting with a letter or digit"));
        }
    }

    private static void maxCodePoints(List<Violation> found, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            found.add(new Violation(field, "is longer than " + max + " characters"));
        }
    }

    private static void url(List<Violation> found, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_URL_LENGTH) {
            found.add(new Violation(field, "is longer than " + MAX_URL_LENGTH + " characters"));
            return;
        }
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
                found.add(new Violation(field, "must be an absolute http or https URL"));
            }
        } catch (java.net.URISyntaxException e) {
            found.add(new Violation(field, "is not a valid URL"));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank() || s.codePoints().allMatch(cp -> Character.isWhitespace(cp)
                || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT);
    }
}
