package news.moderation.ingest.cleaning;

/**
 * Makes a site's text safe to store and show while keeping it as the reader wrote it: HTML is reduced to
 * its text (tags dropped, {@code script} and {@code style} dropped with their content, entities decoded,
 * line-breaking tags kept as newlines), then control characters other than newline and tab are removed.
 * Spacing, case, emoji and invisible format characters stay: the rule engine needs them to see through
 * disguised words, and moderators must see what readers saw.
 *
 * <pre>{@code
 * TextCleaner.clean("<p>Tom &amp; Jerry</p><script>alert(1)</script>\u0007")   // "Tom & Jerry\n"
 * TextCleaner.clean("a < b && c > d")                                           // unchanged
 * }</pre>
 */
public final class TextCleaner {

    private TextCleaner() {
    }

    /** The cleaned text; {@code null} stays {@code null}. Never longer, in code points, than {@code raw}. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        var text = raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0 ? HtmlText.reduce(raw) : raw;
        return withoutControlCharacters(text);
    }

    /**
     * The index of the first UTF-16 surrogate without its pair, or -1. JSON's {@code \ud800} escapes can put
     * one in a string that arrived as valid UTF-8; it cannot be stored or shown, so it is refused like bad bytes.
     */
    public static int firstUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Removes C0 and C1 controls and DEL; CR LF and lone CR become LF so that a line break survives the
     * removal of its CR.
     */
    static String withoutControlCharacters(String text) {
        int first = firstToChange(text);
        if (first < 0) {
            return text;
        }
        var out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || !isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstToChange(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || (c != '\n' && c != '\t' && isControl(c))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
