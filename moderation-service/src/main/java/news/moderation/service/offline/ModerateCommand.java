package news.moderation.service.offline;

import news.moderation.service.rules.RuleEngine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code moderate}: comment JSONL in, one verdict line out per valid comment, one {@code line N: reason} on
 * the error stream per rejected line. Streams: memory stays bounded whatever the input's length (lines are
 * capped, and only a bounded window of recent texts is kept to find reply parents by {@code parentId}).
 */
final class ModerateCommand {

    /** Longest input line read: the longest valid text JSON-escaped, plus room for the other fields. */
    static final int MAX_LINE_CHARS = 1_000_000;
    /** Recent comment texts kept for replies that name their parent, in total characters. */
    static final int PARENT_WINDOW_CHARS = 4_000_000;

    private final RuleEngine engine;
    private final RecentTexts recent = new RecentTexts(PARENT_WINDOW_CHARS);

    ModerateCommand(RuleEngine engine) {
        this.engine = engine;
    }

    /** Result of a run: lines judged and lines rejected. */
    record Counts(int moderated, int invalid) {
    }

    Counts run(Reader input, PrintWriter out, PrintWriter err) throws IOException {
        var lines = new LineReader(input, MAX_LINE_CHARS);
        int moderated = 0;
        int invalid = 0;
        String line;
        while ((line = lines.next()) != null) {
            int number = lines.lineNumber();
            if (line == LineReader.TOO_LONG) {
                invalid++;
                err.write("line " + number + ": longer than " + MAX_LINE_CHARS + " characters\n");
                err.flush();
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            var parsed = CommentLine.parse(line);
            if (parsed instanceof CommentLine.Invalid bad) {
                invalid++;
                err.write("line " + number + ": " + bad.reason()
                        + (bad.commentId() == null ? "" : " (commentId " + bad.commentId() + ")") + "\n");
                err.flush();
                continue;
            }
            var comment = (CommentLine.Valid) parsed;
            var parentText = comment.parentText();
            if (parentText == null && comment.parentId() != null) {
                parentText = recent.get(comment.parentId());
            }
            var verdict = engine.evaluate(comment.text(), parentText);
            out.write(Json.verdict(comment.commentId(), verdict));
            out.write('\n');
            out.flush();
            if (out.checkError()) {
                // the reader of our output has gone away (e.g. `| head`): nothing left to write to
                break;
            }
            recent.put(comment.commentId(), comment.text());
            moderated++;
        }
        return new Counts(moderated, invalid);
    }

    /** The most recent texts by comment id, evicting the oldest past a total size. */
    static final class RecentTexts {
        private final int maxChars;
        private final LinkedHashMap<String, String> texts = new LinkedHashMap<>(256, 0.75f, false);
        private long chars;

        RecentTexts(int maxChars) {
            this.maxChars = maxChars;
        }

        String get(String id) {
            return texts.get(id);
        }

        void put(String id, String text) {
            var previous = texts.remove(id);
            if (previous != null) {
                chars -= previous.length();
            }
            texts.put(id, text);
            chars += text.length();
            var it = texts.entrySet().iterator();
            while (chars > maxChars && it.hasNext()) {
                Map.Entry<String, String> eldest = it.next();
                chars -= eldest.getValue().length();
                it.remove();
            }
        }

        int size() {
            return texts.size();
        }
    }
}
