package news.moderation.service.offline;

import news.moderation.service.rules.Match;
import news.moderation.service.rules.Verdict;

/** Writes the output lines by hand: one small fixed shape, no mapper to start up. */
final class Json {

    private Json() {
    }

    /**
     * {@code {"commentId","decision","score","ruleSetVersion","matches":[{"ruleId","category","severity",
     * "start","end","text"}]}}, with {@code start}/{@code end} UTF-16 offsets into the comment's text.
     */
    static String verdict(String commentId, Verdict verdict) {
        var out = new StringBuilder(160 + verdict.matches().size() * 96);
        out.append("{\"commentId\":");
        string(out, commentId);
        out.append(",\"decision\":\"").append(verdict.decision().name()).append('"');
        out.append(",\"score\":").append(verdict.score());
        out.append(",\"ruleSetVersion\":");
        string(out, verdict.ruleSetVersion());
        out.append(",\"matches\":[");
        boolean first = true;
        for (Match match : verdict.matches()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"ruleId\":");
            string(out, match.ruleId());
            out.append(",\"category\":\"").append(match.category().packName()).append('"');
            out.append(",\"severity\":").append(match.severity());
            out.append(",\"start\":").append(match.start());
            out.append(",\"end\":").append(match.end());
            out.append(",\"text\":");
            string(out, match.excerpt());
            out.append('}');
        }
        return out.append("]}").toString();
    }

    /** A JSON string literal; lone surrogates and line separators are escaped so the line stays valid UTF-8. */
    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        unicode(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u");
        var hex = Integer.toHexString(c);
        out.append("0".repeat(4 - hex.length())).append(hex);
    }
}
