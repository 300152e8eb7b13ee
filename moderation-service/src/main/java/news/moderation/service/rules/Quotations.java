package news.moderation.service.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the parts of a reply that quote its parent (a line starting with {@code >}, or text in quotation
 * marks that repeats the parent) and marks the matches inside them: a reader quoting abuse to answer it
 * is still worth a look, but not hidden for it.
 */
final class Quotations {

    private static final String OPENING = "\"“„«'‘";
    private static final String CLOSING = "\"”“»'’";
    private static final int MIN_QUOTE = 8;

    private Quotations() {
    }

    static List<Match> mark(String text, String parent, List<Match> matches) {
        var parentText = TextNormalizer.normalize(parent).text();
        var spans = new ArrayList<int[]>();
        for (var span : candidates(text)) {
            var quoted = TextNormalizer.normalize(text.substring(span[0], span[1])).text().strip();
            if (quoted.length() >= MIN_QUOTE && parentText.contains(quoted)) {
                spans.add(span);
            }
        }
        if (spans.isEmpty()) {
            return matches;
        }
        var marked = new ArrayList<Match>(matches.size());
        for (var m : matches) {
            boolean inside = spans.stream().anyMatch(s -> s[0] <= m.start() && m.end() <= s[1]);
            marked.add(inside ? new Match(m.ruleId(), m.category(), m.severity(), m.start(), m.end(), m.excerpt(), true) : m);
        }
        return marked;
    }

    private static List<int[]> candidates(String text) {
        var spans = new ArrayList<int[]>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            var line = text.substring(lineStart, lineEnd);
            if (line.stripLeading().startsWith(">")) {
                spans.add(new int[] {lineStart, lineEnd});
            }
            lineStart = lineEnd + 1;
        }
        for (int i = 0; i < text.length(); i++) {
            int kind = OPENING.indexOf(text.charAt(i));
            if (kind < 0) {
                continue;
            }
            int close = -1;
            for (int j = i + 1; j < text.length(); j++) {
                char c = text.charAt(j);
                if (CLOSING.indexOf(c) >= 0 && (c == CLOSING.charAt(kind) || c == '"' || c == '”' || c == '“')) {
                    close = j;
                    break;
                }
            }
            if (close > i + MIN_QUOTE) {
                spans.add(new int[] {i + 1, close});
                i = close;
            }
        }
        return spans;
    }
}
