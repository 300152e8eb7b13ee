package news.moderation.service.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho-Corasick over normalized text, completed into a DFA: one table lookup per character whatever the
 * number of patterns. Characters that occur in no pattern share one class, so the table stays
 * {@code states × (distinct pattern characters + 1)}.
 */
final class Automaton {

    /** Receives each pattern that ends at {@code end} (inclusive index into the normalized text). */
    interface Hits {
        void hit(int pattern, int end);
    }

    private final char[] classOf = new char[0x10000];
    private final int classes;
    private final int[] delta;
    private final int[][] outputs;

    Automaton(List<String> patterns) {
        int nextClass = 1;
        for (var p : patterns) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (classOf[c] == 0) {
                    classOf[c] = (char) nextClass++;
                }
            }
        }
        classes = nextClass;
        // trie
        var children = new ArrayList<Map<Integer, Integer>>();
        var out = new ArrayList<List<Integer>>();
        children.add(new HashMap<>());
        out.add(null);
        for (int id = 0; id < patterns.size(); id++) {
            var p = patterns.get(id);
            int state = 0;
            for (int i = 0; i < p.length(); i++) {
                int cls = classOf[p.charAt(i)];
                var next = children.get(state).get(cls);
                if (next == null) {
                    next = children.size();
                    children.get(state).put(cls, next);
                    children.add(new HashMap<>());
                    out.add(null);
                }
                state = next;
            }
            if (out.get(state) == null) {
                out.set(state, new ArrayList<>());
            }
            out.get(state).add(id);
        }
        int states = children.size();
        delta = new int[states * classes];
        var fail = new int[states];
        outputs = new int[states][];
        var queue = new ArrayDeque<Integer>();
        for (int cls = 0; cls < classes; cls++) {
            var next = children.get(0).get(cls);
            if (next != null) {
                delta[cls] = next;
                fail[next] = 0;
                queue.add(next);
            }
        }
        outputs[0] = toArray(out.get(0), null);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            outputs[state] = toArray(out.get(state), outputs[fail[state]]);
            for (int cls = 0; cls < classes; cls++) {
                var next = children.get(state).get(cls);
                if (next != null) {
                    fail[next] = delta[fail[state] * classes + cls];
                    delta[state * classes + cls] = next;
                    queue.add(next);
                } else {
                    delta[state * classes + cls] = delta[fail[state] * classes + cls];
                }
            }
        }
    }

    private static int[] toArray(List<Integer> own, int[] inherited) {
        int ownSize = own == null ? 0 : own.size();
        int inheritedSize = inherited == null ? 0 : inherited.length;
        if (ownSize + inheritedSize == 0) {
            return null;
        }
        var all = new int[ownSize + inheritedSize];
        for (int i = 0; i < ownSize; i++) {
            all[i] = own.get(i);
        }
        if (inheritedSize > 0) {
            System.arraycopy(inherited, 0, all, ownSize, inheritedSize);
        }
        return all;
    }

    void scan(char[] text, int length, Hits hits) {
        final int[] delta = this.delta;
        final char[] classOf = this.classOf;
        final int classes = this.classes;
        int state = 0;
        for (int i = 0; i < length; i++) {
            state = delta[state * classes + classOf[text[i]]];
            var out = outputs[state];
            if (out != null) {
                for (int pattern : out) {
                    hits.hit(pattern, i);
                }
            }
        }
    }

    int states() {
        return outputs.length;
    }
}
