package news.moderation.ingest.parsing;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.contract.Violation;
import news.moderation.ingest.cleaning.Utf8;
import news.moderation.ingest.outcome.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a site's JSON (an HTTP body, an NDJSON or JSONL line, an element of a batch array) into a
 * {@link CommentSubmitted}. Works on the JSON tree rather than binding to a class because binding stops at
 * the first problem and names it in Jackson's terms; a site wants every problem, by field name, in one answer.
 *
 * <pre>{@code
 * ParsedComment parsed = CommentBodyParser.parse(body, "daily-news", EventIds.random(), clock.instant());
 * }</pre>
 */
public final class CommentBodyParser {

    public static final String BODY = "body";
    static final String SITE_ID = "siteId";
    static final String POSTED_AT = "postedAt";

    /** What a site may send. Server-set fields (eventId, receivedAt, schemaVersion) are deliberately absent. */
    public static final List<String> FIELDS = List.of("commentId", SITE_ID, "threadId", "threadTitle", "threadUrl",
            "parentId", "authorId", "authorName", "text", POSTED_AT);

    private static final Set<String> SERVER_FIELDS = Set.of("eventId", "receivedAt", "schemaVersion");

    private static final ObjectReader READER = ContractJson.mapper().reader()
            // Parsers disagree on which of two "text" keys wins; refusing keeps the site's reading and ours equal.
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CommentBodyParser() {
    }

    /**
     * @param siteId     from the API key (or the importer's --site); a {@code siteId} in the body may only repeat it
     * @param receivedAt also {@code postedAt} when the body has none
     */
    public static ParsedComment parse(byte[] body, String siteId, EventIds eventIds, Instant receivedAt) {
        return parse(body, siteId, eventIds, receivedAt, ServerFields.REFUSE);
    }

    /** @param serverFields whether eventId, receivedAt and schemaVersion are refused or ignored */
    public static ParsedComment parse(byte[] body, String siteId, EventIds eventIds, Instant receivedAt,
                                      ServerFields serverFields) {
        var read = readTree(body);
        if (read instanceof Tree.Refused refused) {
            return refused.rejected();
        }
        return parse(((Tree.Read) read).root(), siteId, eventIds, receivedAt, serverFields);
    }

    /** One already-parsed JSON value, e.g. an element of a batch array. */
    public static ParsedComment parse(JsonNode root, String siteId, EventIds eventIds, Instant receivedAt) {
        return parse(root, siteId, eventIds, receivedAt, ServerFields.REFUSE);
    }

    /**
     * What to do with the fields the server sets. A site's live submission must not set them; an archive that
     * is a dump of the topic has them, and they are replaced on import.
     */
    public enum ServerFields {
        REFUSE,
        IGNORE
    }

    private static ParsedComment parse(JsonNode root, String siteId, EventIds eventIds, Instant receivedAt,
                                       ServerFields serverFields) {
        if (root == null || root.isMissingNode()) {
            return malformed("is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            return malformed("must be a JSON object, not " + typeOf(root));
        }
        var fields = new Fields(root);
        fields.refuseUnknown(serverFields);
        var bodySiteId = fields.string(SITE_ID);
        if (bodySiteId != null && !bodySiteId.equals(siteId)) {
            fields.violation(SITE_ID, "must be left out or equal the site of the API key (" + siteId + ")");
        }
        var postedAt = fields.instant(POSTED_AT);
        var raw = new RawComment(fields.string("commentId"), fields.string("threadId"), fields.string("threadTitle"),
                fields.string("threadUrl"), fields.string("parentId"), fields.string("authorId"),
                fields.string("authorName"), fields.string("text"), postedAt);
        return CommentAssembler.assemble(raw, siteId, eventIds, receivedAt, fields.violations);
    }

    /**
     * A batch body: a JSON array of at most {@code maxItems} values. Its elements are judged one by one later,
     * so that one bad comment does not sink the others; only a body that is not an array at all is refused whole.
     */
    public static Batch parseArray(byte[] body, int maxItems) {
        var read = readTree(body);
        if (read instanceof Tree.Refused refused) {
            return new Batch.Refused(refused.rejected());
        }
        var root = ((Tree.Read) read).root();
        if (root == null || root.isMissingNode()) {
            return new Batch.Refused(malformed("is empty; expected a JSON array of comments"));
        }
        if (!root.isArray()) {
            return new Batch.Refused(malformed("must be a JSON array of comments, not " + typeOf(root)));
        }
        if (root.size() > maxItems) {
            return new Batch.Refused(new ParsedComment.Rejected(Reason.TOO_LARGE,
                    "the batch has " + root.size() + " comments; at most " + maxItems + " are allowed",
                    List.of(new Violation(BODY, "has more than " + maxItems + " comments"))));
        }
        var elements = new ArrayList<JsonNode>(root.size());
        root.forEach(elements::add);
        return new Batch.Elements(elements);
    }

    /** What a batch body is: its elements, or why it is refused whole. */
    public sealed interface Batch {

        record Elements(List<JsonNode> elements) implements Batch {
        }

        record Refused(ParsedComment.Rejected rejected) implements Batch {
        }
    }

    private sealed interface Tree {

        record Read(JsonNode root) implements Tree {
        }

        record Refused(ParsedComment.Rejected rejected) implements Tree {
        }
    }

    private static Tree readTree(byte[] body) {
        int invalid = Utf8.firstInvalidByte(body);
        if (invalid >= 0) {
            var reason = "is not valid UTF-8 at byte " + invalid;
            return new Tree.Refused(new ParsedComment.Rejected(Reason.INVALID_ENCODING, BODY + " " + reason,
                    List.of(new Violation(BODY, reason))));
        }
        try {
            return new Tree.Read(READER.readTree(body));
        } catch (JacksonException e) {
            return new Tree.Refused(malformed("is not valid JSON: " + describe(e)));
        }
    }

    private static ParsedComment.Rejected malformed(String reason) {
        return new ParsedComment.Rejected(Reason.MALFORMED_JSON, BODY + " " + reason,
                List.of(new Violation(BODY, reason)));
    }

    private static String describe(JacksonException e) {
        var location = e.getLocation();
        var where = location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return e.getOriginalMessage() + where;
    }

    private static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "missing";
        };
    }

    /** Reads typed fields off the root object, collecting violations instead of stopping at the first. */
    private static final class Fields {

        final List<Violation> violations = new ArrayList<>();
        private final Set<String> flagged = new HashSet<>();
        private final JsonNode root;

        Fields(JsonNode root) {
            this.root = root;
        }

        void refuseUnknown(ServerFields serverFields) {
            for (var name : root.propertyNames()) {
                if (serverFields == ServerFields.IGNORE && SERVER_FIELDS.contains(name)) {
                    continue;
                }
                if (!FIELDS.contains(name)) {
                    violation(name, unknownFieldReason(name));
                }
            }
        }

        /** JSON null counts as absent, which is what most site serializers write for an empty optional. */
        String string(String field) {
            var node = root.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isString()) {
                violation(field, "must be a string, not " + typeOf(node));
                return null;
            }
            return node.stringValue();
        }

        Instant instant(String field) {
            var text = string(field);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                violation(field, "must be an ISO-8601 instant such as 2026-11-23T09:17:00Z");
                return null;
            }
        }

        void violation(String field, String reason) {
            if (flagged.add(field)) {
                violations.add(new Violation(field, reason));
            }
        }

        private static String unknownFieldReason(String name) {
            if (SERVER_FIELDS.contains(name)) {
                return "is set by the server and must be left out";
            }
            for (var known : FIELDS) {
                if (known.equalsIgnoreCase(name)) {
                    return "is not a known field; did you mean " + known + "?";
                }
            }
            return "is not a known field; known fields are " + String.join(", ", FIELDS);
        }
    }
}
