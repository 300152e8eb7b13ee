package news.moderation.service.rules;

import java.util.Arrays;

/**
 * The normalizer's last step: writes words and the separators between them to the output, and joins
 * words split into single letters ({@code d.w.a.r.f}, {@code f u c k}) back into one.
 *
 * <p>A chain is single letters, each separated from the next by one to three separator characters (a
 * line break ends a chain). Its letters are held back until the chain ends, since only then is it known
 * whether it joins: three letters or more do. Separators between real words stay, so "the analysis"
 * never reads as "anal".
 *
 * <p>Real one-letter words next to a split word ("a d.w.a.r.f", "u r a l.o.s.e.r", "f.u.c.k u", "I
 * s.h.i.t you not") are told apart by how the gaps are written: a split word repeats one separator, and
 * a word next to it is set off by a space where the split word uses punctuation, or by another gap than
 * the chain's usual one ("a d. w. a. r. f"). The chain is cut at such gaps, and each piece joins if it
 * still has three letters. Letters split by spaces alone ("f u c k", "I a m") cannot be told apart and
 * join as before.
 */
final class SplitLetters {

    /** Single letters joined into a word may be split by at most this many separator characters. */
    static final int MAX_GAP = 3;
    static final int MIN_LETTERS = 3;

    private NormalizedText out;

    // the chain so far: its letters, and for each gap after a letter where its first separator starts,
    // whether it has white space, and its other separators (up to three code points, 21 bits each)
    private char[] letters = new char[8];
    private int[] letterFrom = new int[8];
    private int[] letterTo = new int[8];
    private int[] gapAt = new int[8];
    private boolean[] gapSpace = new boolean[8];
    private long[] gapMarks = new long[8];
    private boolean[] cut = new boolean[8];
    private int count;

    // the gap after the chain's last letter, while it is being read
    private int gapLength;
    private boolean inGap;

    SplitLetters(NormalizedText out) {
        this.out = out;
    }

    /** No letters held back: a word can go straight to the output. */
    boolean isIdle() {
        return count == 0;
    }

    void start() {
        count = 0;
        gapLength = 0;
        inGap = false;
    }

    /**
     * A word, or the part of one between separators ({@code chars[a, b)}, each a LETTER or DIGIT in
     * {@code kinds}), with the original span of each char.
     */
    void word(char[] chars, byte[] kinds, int[] from, int[] to, int a, int b) {
        boolean single = b - a == 1 && kinds[a] == CharClasses.LETTER;
        if (count > 0) {
            if (single && inGap) {
                add(chars[a], from[a], to[a]);
                return;
            }
            endChain();
        }
        if (single) {
            add(chars[a], from[a], to[a]);
            return;
        }
        out.appendWord(chars, from, to, a, b);
    }

    /**
     * One separator character (or one of those a character folds to) starting at {@code at}: the code point
     * it came from, and whether that is white space.
     */
    void separator(int at, int source, boolean space) {
        if (count == 0) {
            out.appendSeparator(at);
            return;
        }
        int gap = count - 1;
        if (!inGap) {
            inGap = true;
            gapAt[gap] = at;
            gapSpace[gap] = false;
            gapMarks[gap] = 0;
        }
        if (++gapLength > MAX_GAP) {
            endChain();
            return;
        }
        if (space) {
            gapSpace[gap] = true;
        } else {
            gapMarks[gap] = gapMarks[gap] << 21 | source;
        }
    }

    /** A line break: it separates like a space, but no chain reaches over it. */
    void lineBreak(int at) {
        if (count == 0) {
            out.appendSeparator(at);
            return;
        }
        if (!inGap) {
            inGap = true;
            gapAt[count - 1] = at;
        }
        endChain();
    }

    /** The end of the text. */
    void finish() {
        if (count > 0) {
            endChain();
        }
        out.finish();
    }

    /** After the normalizer made a new output (see {@link TextNormalizer#trim}). */
    void writeTo(NormalizedText out) {
        this.out = out;
    }

    private void add(char c, int start, int end) {
        if (count == letters.length) {
            int capacity = count * 2;
            letters = Arrays.copyOf(letters, capacity);
            letterFrom = Arrays.copyOf(letterFrom, capacity);
            letterTo = Arrays.copyOf(letterTo, capacity);
            gapAt = Arrays.copyOf(gapAt, capacity);
            gapSpace = Arrays.copyOf(gapSpace, capacity);
            gapMarks = Arrays.copyOf(gapMarks, capacity);
            cut = Arrays.copyOf(cut, capacity);
        }
        letters[count] = c;
        letterFrom[count] = start;
        letterTo[count] = end;
        count++;
        gapLength = 0;
        inGap = false;
    }

    /** Writes the held letters, joined in pieces of three or more, and the gap after the last one. */
    private void endChain() {
        markCuts();
        int piece = 0;
        for (int k = 0; k < count; k++) {
            if (k == count - 1 || cut[k]) {
                boolean join = k - piece + 1 >= MIN_LETTERS;
                for (int j = piece; j <= k; j++) {
                    if (j > piece && !join) {
                        out.appendSeparator(gapAt[j - 1]);
                    }
                    out.appendWordChar(letters[j], letterFrom[j], letterTo[j]);
                }
                if (k < count - 1) {
                    out.appendSeparator(gapAt[k]);
                }
                piece = k + 1;
            }
        }
        if (inGap) {
            out.appendSeparator(gapAt[count - 1]);
        }
        count = 0;
        gapLength = 0;
        inGap = false;
    }

    /**
     * Where the chain breaks between a one-letter word and a split word: at gaps with white space when
     * other gaps have none ("a d.w.a.r.f"), or that differ from the usual gap ("a d. w. a. r. f"; on a tie
     * the later style counts, since a split word follows the article before it).
     */
    private void markCuts() {
        int gaps = count - 1;
        Arrays.fill(cut, 0, Math.max(gaps, 0), false);
        if (gaps < MIN_LETTERS - 1) {
            return;
        }
        boolean alike = true;
        boolean someWithoutSpace = false;
        for (int k = 0; k < gaps; k++) {
            alike &= sameStyle(k, 0);
            someWithoutSpace |= !gapSpace[k];
        }
        if (alike) {
            return;
        }
        int usual = 0;
        int usualCount = 0;
        for (int k = 0; k < gaps; k++) {
            int n = 0;
            for (int j = 0; j < gaps; j++) {
                if (sameStyle(j, k)) {
                    n++;
                }
            }
            if (n >= usualCount) {
                usual = k;
                usualCount = n;
            }
        }
        for (int k = 0; k < gaps; k++) {
            cut[k] = gapSpace[k] && (someWithoutSpace || !sameStyle(k, usual));
        }
    }

    private boolean sameStyle(int a, int b) {
        return gapSpace[a] == gapSpace[b] && gapMarks[a] == gapMarks[b];
    }
}
