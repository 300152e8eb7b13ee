package news.moderation.service.rules;

import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick over normalized text, completed into a DFA: one table lookup per character whatever the
 * number of patterns. Characters that occur in no pattern share one class, so the table stays
 * {@code states × (distinct pattern characters + 1)}.
 *
 * <p>The trie is built directly in the table's int rows (no node objects: building the default packs'
 * automaton takes milliseconds, which matters to a command-line start), then completed breadth first with
 * the failure links. Each entry holds the next state's row offset rather than its number, and is negative
 * ({@code ~offset}) when that state ends a pattern, so the scan needs no second lookup per character.
 */
final class Automaton {

    /** Receives each pattern that ends at {@code end} (inclusive index into the normalized text). */
    interface Hits {
        void hit(int pattern, int end);
    }

    // package-private for TextNormalizer, which steps through the table in its own loop
    final char[] classOf = new char[0x10000];
    private final int classes;
    /** Row offset of the next state per (row offset of the state + class), {@code ~offset} for output states. */
    final int[] delta;
    /** The patterns each state ends, by state number; null for most. */
    private final int[][] outputs;
    /** The longest pattern: a state depends on no more than this many of the last characters read. */
    private final int longest;

    Automaton(List<String> patterns) {
        this(patterns, false);
    }

    /**
     * @param foldCase whether a text char also matches the pattern char it folds to
     *                 ({@link RegexRequirements#fold}): for patterns written in folded form
     */
    Automaton(List<String> patterns, boolean foldCase) {
        int nextClass = 1;
        int totalChars = 0;
        int longestPattern = 0;
        for (var p : patterns) {
            totalChars += p.length();
            longestPattern = Math.max(longestPattern, p.length());
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (classOf[c] == 0) {
                    classOf[c] = (char) nextClass++;
                }
            }
        }
        classes = nextClass;
        longest = longestPattern;
        if (foldCase) {
            var ranges = RegexRequirements.FOLDING_RANGES;
            for (int r = 0; r < ranges.length; r += 2) {
                for (int c = ranges[r]; c <= ranges[r + 1]; c++) {
                    if (classOf[c] == 0) {
                        classOf[c] = classOf[RegexRequirements.fold((char) c)];
                    }
                }
            }
        }

        // the trie: goto[state * classes + class] is the child's state number, 0 for none (the root is no child)
        int[] go = new int[classes * Math.min(totalChars + 1, 1024)];
        int[] end = new int[patterns.size()];
        int states = 1;
        for (int id = 0; id < patterns.size(); id++) {
            var p = patterns.get(id);
            int state = 0;
            for (int i = 0; i < p.length(); i++) {
                int slot = state * classes + classOf[p.charAt(i)];
                int next = go[slot];
                if (next == 0) {
                    next = states++;
                    if (states * classes > go.length) {
                        go = Arrays.copyOf(go, Math.min(go.length * 2, (totalChars + 1) * classes));
                    }
                    go[slot] = next;
                }
                state = next;
            }
            end[id] = state;
        }
        int[][] own = ownOutputs(end, states);

        // breadth first: a state's failure state is shallower, so its row is complete when the state's is filled
        int[] delta = Arrays.copyOf(go, states * classes);
        int[][] outputs = new int[states][];
        int[] fail = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        outputs[0] = own[0];
        for (int cls = 0; cls < classes; cls++) {
            int child = delta[cls];
            if (child != 0) {
                queue[tail++] = child;
            }
        }
        while (head < tail) {
            int state = queue[head++];
            outputs[state] = concat(own[state], outputs[fail[state]]);
            int row = state * classes;
            int failRow = fail[state] * classes;
            for (int cls = 0; cls < classes; cls++) {
                int child = delta[row + cls];
                if (child != 0) {
                    fail[child] = delta[failRow + cls];
                    queue[tail++] = child;
                } else {
                    delta[row + cls] = delta[failRow + cls];
                }
            }
        }
        // renumber the states breadth first: the shallow ones, where nearly every step of a scan lands, then
        // sit side by side at the start of the table instead of wherever their first pattern put them, so the
        // rows a scan keeps reading fit in a few cache lines and pages
        int[] renumbered = new int[states];
        for (int k = 0; k < tail; k++) {
            renumbered[queue[k]] = k + 1;
        }
        int[] table = new int[delta.length];
        int[][] outputsByNumber = new int[states][];
        for (int state = 0; state < states; state++) {
            int from = state * classes;
            int to = renumbered[state] * classes;
            for (int cls = 0; cls < classes; cls++) {
                table[to + cls] = renumbered[delta[from + cls]];
            }
            outputsByNumber[renumbered[state]] = outputs[state];
        }
        for (int i = 0; i < table.length; i++) {
            int next = table[i];
            table[i] = outputsByNumber[next] == null ? next * classes : ~(next * classes);
        }
        this.delta = table;
        this.outputs = outputsByNumber;
    }

    /** Each state's own patterns, in pattern order. */
    private static int[][] ownOutputs(int[] end, int states) {
        var count = new int[states];
        for (int state : end) {
            count[state]++;
        }
        var own = new int[states][];
        for (int id = 0; id < end.length; id++) {
            int state = end[id];
            if (own[state] == null) {
                own[state] = new int[count[state]];
                count[state] = 0;
            }
            own[state][count[state]++] = id;
        }
        return own;
    }

    private static int[] concat(int[] own, int[] inherited) {
        if (inherited == null) {
            return own;
        }
        if (own == null) {
            return inherited;
        }
        var all = Arrays.copyOf(own, own.length + inherited.length);
        System.arraycopy(inherited, 0, all, own.length, inherited.length);
        return all;
    }

    /**
     * Reports every pattern occurrence in {@code text[0, length)}, each at its last char.
     *
     * <p>Each step waits for the table lookup of the one before, so one pass leaves the CPU mostly
     * waiting. A long text is therefore read as two parts side by side: the second starts {@link #longest}
     * characters before the point {@code split} where the first stops, by which point its state is the one
     * a single pass would have (a state depends only on that many last characters), and reports from
     * {@code split} on. The split is placed so that both parts take as many steps: no part is left over
     * for one chain alone.
     */
    void scan(char[] text, int length, Hits hits) {
        int split = (length + longest) / 2;
        int restart = split - longest;
        if (restart < longest) {
            scan(text, 0, length, 0, 0, hits);
            return;
        }
        final int[] delta = this.delta;
        final char[] classOf = this.classOf;
        int a = 0;
        int b = 0;
        // the second part is [restart, length): as long as the first, or one longer
        for (int i = 0, j = restart; i < split; i++, j++) {
            a = delta[a + classOf[text[i]]];
            b = delta[b + classOf[text[j]]];
            if ((a | b) < 0) {
                if (a < 0) {
                    a = ~a;
                    report(a, i, hits);
                }
                if (b < 0) {
                    b = ~b;
                    if (j >= split) {
                        report(b, j, hits);
                    }
                }
            }
        }
        scan(text, restart + split, length, b, split, hits);
    }

    /** One pass over {@code text[from, to)} from the state at row {@code row}, reporting ends at {@code report} on. */
    private void scan(char[] text, int from, int to, int row, int reportFrom, Hits hits) {
        final int[] delta = this.delta;
        final char[] classOf = this.classOf;
        for (int i = from; i < to; i++) {
            row = delta[row + classOf[text[i]]];
            if (row < 0) {
                row = ~row;
                if (i >= reportFrom) {
                    report(row, i, hits);
                }
            }
        }
    }

    /**
     * The row of the state a scan of {@code text[0, length)} ends in, worked out from the last
     * {@link #longest} chars alone (a state depends on no more).
     */
    int stateAfter(char[] text, int length) {
        int row = 0;
        for (int i = Math.max(0, length - longest); i < length; i++) {
            row = delta[row + classOf[text[i]]];
            if (row < 0) {
                row = ~row;
            }
        }
        return row;
    }

    /** Reports the patterns the state at {@code row} ends, as ending at {@code end}. */
    void report(int row, int end, Hits hits) {
        for (int pattern : outputs[row / classes]) {
            hits.hit(pattern, end);
        }
    }

    int states() {
        return outputs.length;
    }
}
