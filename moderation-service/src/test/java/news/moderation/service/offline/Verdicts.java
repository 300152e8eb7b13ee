package news.moderation.service.offline;

import java.util.List;
import java.util.Map;

/** The output lines of {@code moderate}, read back with the command's own JSON reader. */
final class Verdicts {

    private Verdicts() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String line) {
        try {
            return (Map<String, Object>) JsonLine.parse(line);
        } catch (JsonLine.JsonException e) {
            throw new AssertionError("output is not JSON: " + line, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> matches(Map<String, Object> verdict) {
        return (List<Map<String, Object>>) verdict.get("matches");
    }

    static List<String> ruleIds(Map<String, Object> verdict) {
        return matches(verdict).stream().map(m -> (String) m.get("ruleId")).toList();
    }

    static int integer(Map<String, Object> object, String field) {
        return ((Double) object.get(field)).intValue();
    }
}
