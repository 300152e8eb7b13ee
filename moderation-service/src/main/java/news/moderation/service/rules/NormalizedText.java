package news.moderation.service.rules;

/**
 * Text in the form the matcher reads, with a map back to the original: words of folded letters separated
 * by single spaces, with a space before the first and after the last, so that a pattern anchored by
 * spaces matches whole words only. Runs of a repeated letter are stored once, with their length.
 *
 * <p>{@code from[i]}/{@code to[i]} are the half-open UTF-16 offsets in the original text of the
 * characters that became {@code chars[i]}.
 */
final class NormalizedText {

    final char[] chars;
    final int[] from;
    final int[] to;
    final byte[] runs;
    final int length;
    /** Letters in upper and lower case in the original, for the shouting rule. */
    final int upper;
    final int lower;
    /** The longest run of one character in the original, for the repeated-characters rule. */
    final int longestRepeat;

    NormalizedText(char[] chars, int[] from, int[] to, byte[] runs, int length, int upper, int lower,
                   int longestRepeat) {
        this.chars = chars;
        this.from = from;
        this.to = to;
        this.runs = runs;
        this.length = length;
        this.upper = upper;
        this.lower = lower;
        this.longestRepeat = longestRepeat;
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
