package news.moderation.service.rules;

import java.util.Arrays;

/**
 * Text in the form the matcher reads, with a map back to the original: words of folded letters separated
 * by single spaces, with a space before the first and after the last, so that a pattern anchored by
 * spaces matches whole words only. Runs of a repeated letter are stored once, with their length.
 *
 * <p>{@code from[i]}/{@code to[i]} are the half-open UTF-16 offsets in the original text of the
 * characters that became {@code chars[i]}; they are filled in only when the text was normalized with
 * offsets (most texts match nothing and never need them).
 *
 * <p>The engine reuses one instance per thread: the arrays are longer than {@link #length}, and the
 * content is valid until the next {@code normalize} into the same instance. The append methods are the
 * normalizer's last step: they keep runs and the spaces between words.
 */
final class NormalizedText {

    char[] chars;
    int[] from;
    int[] to;
    byte[] runs;
    int length;
    /** Letters in upper and lower case in the original, for the shouting rule. */
    int upper;
    int lower;
    /** The longest run of one character in the original, for the repeated-characters rule. */
    int longestRepeat;
    /** Whether {@link #from} and {@link #to} were filled in. */
    boolean hasOffsets;

    /** The last char written is a word char (a space comes before the next word). */
    private boolean inWord;
    /** End of the last word char written, for the closing space. */
    private int lastEnd;
    /**
     * {@code runs[length, onesTo)} are all 1, so that a writer of single chars may skip their run
     * ({@link #runsOfOneUpTo}); what {@link #truncate} takes back is set to 1 again.
     */
    private int onesTo;

    NormalizedText() {
        this(16);
    }

    NormalizedText(int capacity) {
        chars = new char[capacity];
        from = new int[capacity];
        to = new int[capacity];
        runs = new byte[capacity];
    }

    /** Starts a text of about {@code expected} chars: just the opening space. */
    void start(int expected, boolean offsets) {
        if (chars.length < expected) {
            grow(expected);
        }
        hasOffsets = offsets;
        chars[0] = ' ';
        runs[0] = 1;
        from[0] = 0;
        to[0] = 0;
        length = 1;
        inWord = false;
        lastEnd = 0;
        onesTo = 1;
    }

    /**
     * Makes {@code runs[length, to)} all 1 (within capacity), filling only what no earlier call filled: a
     * text costs one fill of its length however often its writer asks.
     */
    void runsOfOneUpTo(int to) {
        if (to > onesTo) {
            Arrays.fill(runs, Math.max(onesTo, length), to, (byte) 1);
            onesTo = to;
        }
    }

    void ensureCapacity(int capacity) {
        if (chars.length < capacity) {
            grow(Math.max(capacity, chars.length * 2));
        }
    }

    /** Takes back what was written from {@code length} on: a word that needs reading letter by letter. */
    void truncate(int length) {
        Arrays.fill(runs, length, this.length, (byte) 1);
        onesTo = Math.max(onesTo, this.length);
        this.length = length;
        inWord = false;
    }

    /** After the normalizer wrote into the arrays itself: whether a word is open, and where it ended. */
    void restore(boolean inWord, int lastEnd) {
        this.inWord = inWord;
        this.lastEnd = lastEnd;
    }

    /** Closes a word the normalizer wrote into the arrays itself, up to {@code length}, ending at {@code end}. */
    void endWord(int length, int end) {
        this.length = length;
        inWord = true;
        lastEnd = end;
    }

    /** A letter or digit: a new char, or one more of the run the previous char of the word started. */
    void appendWordChar(char c, int start, int end) {
        int n = length;
        if (inWord && chars[n - 1] == c) {
            if (runs[n - 1] < Byte.MAX_VALUE) {
                runs[n - 1]++;
            }
            if (hasOffsets) {
                to[n - 1] = end;
                lastEnd = end;
            }
            return;
        }
        if (n == chars.length) {
            grow(n * 2);
        }
        chars[n] = c;
        runs[n] = 1;
        if (hasOffsets) {
            from[n] = start;
            to[n] = end;
            lastEnd = end;
        }
        length = n + 1;
        inWord = true;
    }

    /** The chars {@code [a, b)} of a word, as {@link #appendWordChar} one by one would write them. */
    void appendWord(char[] word, int[] wordFrom, int[] wordTo, int a, int b) {
        int n = length;
        if (n + (b - a) >= chars.length) {
            grow(Math.max(chars.length * 2, n + (b - a) + 2));
        }
        final char[] chars = this.chars;
        final byte[] runs = this.runs;
        char last = inWord ? chars[n - 1] : ' ';
        for (int k = a; k < b; k++) {
            char c = word[k];
            if (c == last) {
                if (runs[n - 1] < Byte.MAX_VALUE) {
                    runs[n - 1]++;
                }
                if (hasOffsets) {
                    to[n - 1] = wordTo[k];
                }
            } else {
                chars[n] = c;
                runs[n] = 1;
                if (hasOffsets) {
                    from[n] = wordFrom[k];
                    to[n] = wordTo[k];
                }
                n++;
                last = c;
            }
        }
        if (hasOffsets) {
            lastEnd = wordTo[b - 1];
        }
        length = n;
        inWord = true;
    }

    /** Anything between words: one space after a word, at {@code at} (where the separator starts), else nothing. */
    void appendSeparator(int at) {
        if (!inWord) {
            return;
        }
        int n = length;
        if (n == chars.length) {
            grow(n * 2);
        }
        chars[n] = ' ';
        runs[n] = 1;
        if (hasOffsets) {
            from[n] = at;
            to[n] = at;
        }
        length = n + 1;
        inWord = false;
    }

    /** Closes the text with a space after its last word. */
    void finish() {
        appendSeparator(lastEnd);
    }

    private void grow(int capacity) {
        chars = Arrays.copyOf(chars, capacity);
        from = Arrays.copyOf(from, capacity);
        to = Arrays.copyOf(to, capacity);
        runs = Arrays.copyOf(runs, capacity);
    }

    /** The normalized characters as a string, for tests and quotation checks. */
    String text() {
        return new String(chars, 0, length);
    }

    /** Index of the first char of the word containing {@code i} (a non-space position). */
    int wordStart(int i) {
        while (i > 0 && chars[i - 1] != ' ') {
            i--;
        }
        return i;
    }

    /** Index of the last char of the word containing {@code i} (a non-space position). */
    int wordEnd(int i) {
        while (i + 1 < length && chars[i + 1] != ' ') {
            i++;
        }
        return i;
    }
}
