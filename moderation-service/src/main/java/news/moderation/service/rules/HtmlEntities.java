package news.moderation.service.rules;

import java.util.Map;
import java.util.Set;

/** Decodes the HTML entities readers' text arrives with ({@code &amp;}, {@code &#1076;}, {@code &#x64;}). */
final class HtmlEntities {

    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("amp", (int) '&'), Map.entry("lt", (int) '<'), Map.entry("gt", (int) '>'),
            Map.entry("quot", (int) '"'), Map.entry("apos", (int) '\''), Map.entry("nbsp", 0xA0),
            Map.entry("shy", 0xAD), Map.entry("zwj", 0x200D), Map.entry("zwnj", 0x200C),
            Map.entry("ndash", 0x2013), Map.entry("mdash", 0x2014), Map.entry("laquo", 0xAB),
            Map.entry("raquo", 0xBB), Map.entry("ldquo", 0x201C), Map.entry("rdquo", 0x201D),
            Map.entry("lsquo", 0x2018), Map.entry("rsquo", 0x2019), Map.entry("hellip", 0x2026));

    private static final int MAX_LENGTH = 10;

    private HtmlEntities() {
    }

    /** The names of the entities decoded by name. */
    static Set<String> names() {
        return NAMED.keySet();
    }

    /** Index of the {@code ;} closing an entity that starts at {@code amp}, or -1. */
    static int end(String text, int amp) {
        int limit = Math.min(text.length(), amp + MAX_LENGTH);
        for (int k = amp + 1; k < limit; k++) {
            char c = text.charAt(k);
            if (c == ';') {
                return k > amp + 1 ? k : -1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '#')) {
                return -1;
            }
        }
        return -1;
    }

    /** The code point of the entity {@code text[amp..semicolon]}, or -1 when it is not one. */
    static int decode(String text, int amp, int semicolon) {
        var body = text.substring(amp + 1, semicolon);
        if (body.startsWith("#")) {
            try {
                int cp = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X')
                        ? Integer.parseInt(body.substring(2), 16)
                        : Integer.parseInt(body.substring(1));
                return Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) ? cp : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        var named = NAMED.get(body);
        return named == null ? -1 : named;
    }
}
