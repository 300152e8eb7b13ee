package news.moderation.ingest.submission;

import news.moderation.contract.CommentLimits;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.contract.Violation;
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
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a request body into a {@link CommentSubmitted}. Works on the JSON tree rather than binding to a class
 * because binding stops at the first problem and names it in Jackson's terms; a site wants every problem, by
 * field name, in one answer.
 */
final class CommentBodyParser {

    static final String BODY = "body";
    static final String SITE_ID = "siteId";
    static final String POSTED_AT = "postedAt";

    /** What a site may send. Server-set fields (eventId, receivedAt, schemaVersion) are deliberately absent. */
    static final List<String> FIELDS = List.of("commentId", SITE_ID, "threadId", "threadTitle", "threadUrl",
            "parentId", "authorId", "authorName", "text", POSTED_AT);

    private static final Set<String> SERVER_FIELDS = Set.of("eventId", "receivedAt", "schemaVersion");

    private static final ObjectReader READER = ContractJson.mapper().reader()
            // Parsers disagree on which of two "text" keys wins; refusing keeps the site's reading and ours equal.
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CommentBodyParser() {
    }

    /**
     * @param siteId     from the API key; a {@code siteId} in the body may only repeat it
     * @param receivedAt also {@code postedAt} when the body has none
     */
    static ParsedComment parse(byte[] body, String siteId, UUID eventId, Instant receivedAt) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JacksonException e) {
            return malformed("is not valid JSON: " + describe(e));
        }
        if (root == null || root.isMissingNode()) {
            return malformed("is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            return malformed("must be a JSON object, not " + typeOf(root));
        }

        var fields = new Fields(root);
        fields.refuseUnknown();
        var bodySiteId = fields.string(SITE_ID);
        if (bodySiteId != null && !bodySiteId.equals(siteId)) {
            fields.violation(SITE_ID, "must be left out or equal the site of the API key (" + siteId + ")");
        }
        var postedAt = fields.instant(POSTED_AT);
        var event = CommentSubmitted.of(eventId, fields.string("commentId"), siteId, fields.string("threadId"),
                fields.string("threadTitle"), fields.string("threadUrl"), fields.string("parentId"),
                fields.string("authorId"), fields.string("authorName"), fields.string("text"),
                postedAt != null ? postedAt : receivedAt, receivedAt);

        for (var violation : CommentLimits.violations(event)) {
            // A field of the wrong type was read as absent; "is required" on top would contradict the body.
            if (!fields.flagged(violation.field())) {
                fields.violations.add(violation);
            }
        }
        if (fields.violations.isEmpty()) {
            return new ParsedComment.Valid(event);
        }
        var names = fields.violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", "));
        return new ParsedComment.Rejected(Reason.INVALID_FIELD, "invalid fields: " + names, fields.violations);
    }

    private static ParsedComment malformed(String reason) {
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

        void refuseUnknown() {
            for (var name : root.propertyNames()) {
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
            violations.add(new Violation(field, reason));
            flagged.add(field);
        }

        boolean flagged(String field) {
            return flagged.contains(field);
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
