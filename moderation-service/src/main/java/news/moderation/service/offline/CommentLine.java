package news.moderation.service.offline;

import news.moderation.contract.CommentLimits;
import news.moderation.contract.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of comment JSONL, read leniently (fields other than {@code commentId}, {@code text},
 * {@code parentId} and {@code parentText} are ignored) and checked against the contract's limits, so that
 * what the command rejects is what ingest would reject.
 */
sealed interface CommentLine {

    /** A comment the engine can judge. {@code parentId} and {@code parentText} may be null. */
    record Valid(String commentId, String text, String parentId, String parentText) implements CommentLine {
    }

    /** A rejected line with every reason found; {@code commentId} when the line had a usable one. */
    record Invalid(String commentId, String reason) implements CommentLine {
    }

    static CommentLine parse(String line) {
        Object parsed;
        try {
            parsed = JsonLine.parse(line);
        } catch (JsonLine.JsonException e) {
            return new Invalid(null, "not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            return new Invalid(null, "expected a JSON object, got " + JsonLine.kind(parsed));
        }
        @SuppressWarnings("unchecked")
        var object = (Map<String, Object>) parsed;
        var problems = new ArrayList<String>();
        var commentId = string(object, "commentId", problems);
        if (commentId == null) {
            if (problems.isEmpty()) {
                problems.add("commentId is required");
            }
        } else if (!CommentLimits.ID.matcher(commentId).matches()) {
            problems.add("commentId must be 1-128 characters of letters, digits and ._:/@- starting with a letter or digit");
            commentId = null;
        }
        int before = problems.size();
        var text = string(object, "text", problems);
        if (problems.size() == before) {
            for (Violation violation : CommentLimits.textViolations(text)) {
                problems.add(violation.field() + " " + violation.reason());
            }
        }
        if (!problems.isEmpty()) {
            return new Invalid(commentId, String.join("; ", problems));
        }
        return new Valid(commentId, text, JsonLine.string(object, "parentId"), JsonLine.string(object, "parentText"));
    }

    /** A string field, or null when absent or JSON null; another type is a problem. */
    private static String string(Map<String, Object> object, String field, List<String> problems) {
        var value = object.get(field);
        if (value == null || value == JsonLine.NULL) {
            return null;
        }
        if (!(value instanceof String)) {
            problems.add(field + " must be a string, got " + JsonLine.kind(value));
            return null;
        }
        return (String) value;
    }
}
