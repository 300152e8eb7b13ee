package news.moderation.ingest.cleaning;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTML to text in one forward pass, without building a document: comments are short, and a real HTML parser
 * would also rewrite what is not markup ({@code a <b and c> d} is text to a reader, a tag to a browser).
 * Only names of real HTML elements count as tags, so a reader's {@code <3} or {@code <grin>} stays.
 */
final class HtmlText {

    /** Elements whose content is code, not text: dropped with the element. */
    private static final Set<String> RAW_CONTENT = Set.of("script", "style", "template", "noscript", "iframe",
            "object", "svg", "math", "textarea", "title", "head");

    /** Elements that end a line when shown; kept as a newline so paragraphs do not run together. */
    private static final Set<String> LINE_BREAKING = Set.of("br", "p", "div", "li", "ul", "ol", "dl", "dt", "dd",
            "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
            "header", "footer", "aside", "hr", "figure", "figcaption", "address", "main", "nav", "details",
            "summary", "form", "fieldset", "caption", "tbody", "thead", "tfoot");

    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data",
            "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "q", "rp", "rt", "ruby", "s",
            "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "td", "th",
            "html", "body", "meta", "link", "base", "input", "button", "select", "option", "optgroup", "video",
            "audio", "source", "track", "picture", "canvas", "embed", "param", "area", "map", "col", "colgroup",
            "center", "legend", "output", "progress", "meter", "dialog", "menu", "slot", "marquee", "blink",
            "frame", "frameset", "noframes", "applet");

    /** The named references readers' HTML actually carries; the rest of HTML's 2,000 stay as written. */
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("sbquo", "\u201a"), Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"), Map.entry("bdquo", "\u201e"), Map.entry("laquo", "\u00ab"),
            Map.entry("raquo", "\u00bb"), Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"),
            Map.entry("trade", "\u2122"), Map.entry("euro", "\u20ac"), Map.entry("pound", "\u00a3"),
            Map.entry("yen", "\u00a5"), Map.entry("cent", "\u00a2"), Map.entry("deg", "\u00b0"),
            Map.entry("middot", "\u00b7"), Map.entry("bull", "\u2022"), Map.entry("times", "\u00d7"),
            Map.entry("divide", "\u00f7"), Map.entry("plusmn", "\u00b1"), Map.entry("sect", "\u00a7"),
            Map.entry("para", "\u00b6"), Map.entry("shy", "\u00ad"), Map.entry("zwj", "\u200d"),
            Map.entry("zwnj", "\u200c"), Map.entry("lrm", "\u200e"), Map.entry("rlm", "\u200f"),
            Map.entry("iexcl", "\u00a1"), Map.entry("iquest", "\u00bf"), Map.entry("frac12", "\u00bd"),
            Map.entry("frac14", "\u00bc"), Map.entry("frac34", "\u00be"), Map.entry("prime", "\u2032"),
            Map.entry("larr", "\u2190"), Map.entry("rarr", "\u2192"), Map.entry("hearts", "\u2665"),
            Map.entry("eacute", "\u00e9"), Map.entry("egrave", "\u00e8"), Map.entry("agrave", "\u00e0"),
            Map.entry("aacute", "\u00e1"), Map.entry("ccedil", "\u00e7"), Map.entry("uuml", "\u00fc"),
            Map.entry("ouml", "\u00f6"), Map.entry("auml", "\u00e4"), Map.entry("szlig", "\u00df"),
            Map.entry("ntilde", "\u00f1"), Map.entry("Uuml", "\u00dc"), Map.entry("Ouml", "\u00d6"),
            Map.entry("Auml", "\u00c4"), Map.entry("Eacute", "\u00c9"));

    private static final int LONGEST_ENTITY_NAME = 8;

    private HtmlText() {
    }

    static String reduce(String html) {
        var out = new Text(html.length());
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int next = markupEnd(html, i, out);
                if (next > i) {
                    i = next;
                    continue;
                }
            } else if (c == '&') {
                int next = reference(html, i, out);
                if (next > i) {
                    i = next;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * The text being built. A block element's line break is held until more text follows, so that markup
     * around a comment ({@code <p>...</p>}) adds no newline before or after it, while {@code <br>} is the
     * reader's own line break and is kept wherever it is.
     */
    private static final class Text {

        private final StringBuilder out;
        private boolean breakPending;

        Text(int capacity) {
            out = new StringBuilder(capacity);
        }

        void append(char c) {
            flushBreak();
            out.append(c);
        }

        void append(CharSequence text, int start, int end) {
            if (start < end) {
                flushBreak();
                out.append(text, start, end);
            }
        }

        void appendCodePoint(int codePoint) {
            flushBreak();
            out.appendCodePoint(codePoint);
        }

        void lineBreak() {
            breakPending = false;
            out.append('\n');
        }

        void blockBoundary() {
            breakPending = out.length() > 0 && out.charAt(out.length() - 1) != '\n';
        }

        private void flushBreak() {
            if (breakPending) {
                breakPending = false;
                out.append('\n');
            }
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** Consumes markup starting at {@code start}; returns where text resumes, or {@code start} if it is text. */
    private static int markupEnd(String html, int start, Text out) {
        if (html.startsWith("<!--", start)) {
            int end = html.indexOf("-->", start + 4);
            return end < 0 ? html.length() : end + 3;
        }
        if (html.startsWith("<![CDATA[", start)) {
            int end = html.indexOf("]]>", start + 9);
            int stop = end < 0 ? html.length() : end;
            out.append(html, start + 9, stop);
            return end < 0 ? html.length() : end + 3;
        }
        int i = start + 1;
        if (i < html.length() && (html.charAt(i) == '!' || html.charAt(i) == '?')) {
            // <!DOCTYPE ...> and <?xml ...?>: declarations, never text a reader typed before a letter
            int end = html.indexOf('>', i);
            return end < 0 ? start : end + 1;
        }
        boolean closing = i < html.length() && html.charAt(i) == '/';
        if (closing) {
            i++;
        }
        int nameStart = i;
        while (i < html.length() && isNameChar(html.charAt(i))) {
            i++;
        }
        if (i == nameStart || !Character.isLetter(html.charAt(nameStart))) {
            return start;
        }
        var name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
        if (!RAW_CONTENT.contains(name) && !LINE_BREAKING.contains(name) && !INLINE.contains(name)) {
            return start;
        }
        if (i < html.length() && !isTagBoundary(html.charAt(i))) {
            return start;
        }
        int end = tagEnd(html, i);
        if (end < 0) {
            // An unterminated <script could still hide code in what follows; everything after it is dropped.
            return RAW_CONTENT.contains(name) ? html.length() : start;
        }
        boolean selfClosing = html.charAt(end - 1) == '/';
        if (RAW_CONTENT.contains(name) && !closing && !selfClosing) {
            return rawContentEnd(html, end + 1, name);
        }
        if (LINE_BREAKING.contains(name)) {
            breakLine(out, name);
        }
        return end + 1;
    }

    /** Skips to after {@code </name>}, or to the end when it is never closed. */
    private static int rawContentEnd(String html, int from, String name) {
        for (int at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
            int after = at + 2 + name.length();
            if (html.regionMatches(true, at + 2, name, 0, name.length())
                    && (after >= html.length() || isTagBoundary(html.charAt(after)))) {
                int end = tagEnd(html, after);
                return end < 0 ? html.length() : end + 1;
            }
        }
        return html.length();
    }

    /** The index of the {@code >} that ends a tag whose attributes start at {@code from}, honouring quotes. */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static void breakLine(Text out, String name) {
        if (name.equals("br") || name.equals("hr")) {
            out.lineBreak();
        } else {
            out.blockBoundary();
        }
    }

    /** Decodes a character reference at {@code start}; returns where text resumes, or {@code start} if none. */
    private static int reference(String html, int start, Text out) {
        int i = start + 1;
        if (i < html.length() && html.charAt(i) == '#') {
            return numericReference(html, start, i + 1, out);
        }
        int nameStart = i;
        while (i < html.length() && i - nameStart <= LONGEST_ENTITY_NAME && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        if (i >= html.length() || html.charAt(i) != ';') {
            return start;
        }
        var value = ENTITIES.get(html.substring(nameStart, i));
        if (value == null) {
            return start;
        }
        out.append(value, 0, value.length());
        return i + 1;
    }

    private static int numericReference(String html, int start, int from, Text out) {
        int i = from;
        int radix = 10;
        if (i < html.length() && (html.charAt(i) == 'x' || html.charAt(i) == 'X')) {
            radix = 16;
            i++;
        }
        int digitsStart = i;
        long value = 0;
        while (i < html.length() && Character.digit(html.charAt(i), radix) >= 0 && i - digitsStart < 8) {
            value = value * radix + Character.digit(html.charAt(i), radix);
            i++;
        }
        if (i == digitsStart || i >= html.length() || html.charAt(i) != ';') {
            return start;
        }
        // As browsers do: what is not a character becomes the replacement character, never a surrogate or NUL.
        boolean valid = value > 0 && value <= Character.MAX_CODE_POINT && !(value >= 0xD800 && value <= 0xDFFF);
        out.appendCodePoint(valid ? (int) value : 0xFFFD);
        return i + 1;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isTagBoundary(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }
}
