package news.moderation.ingest.cleaning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TextCleanerTest {

    static Stream<Arguments> cleanings() {
        return Stream.of(
                arguments("plain text is untouched", "Plain text, kept as written.  ", "Plain text, kept as written.  "),
                arguments("newlines and tabs stay", "one\n\ttwo", "one\n\ttwo"),
                arguments("CR LF becomes LF", "one\r\ntwo\rthree", "one\ntwo\nthree"),
                arguments("C0 controls go", "be\u0000ll\u0007 \u001b[31mred", "bell [31mred"),
                arguments("DEL and C1 controls go", "a\u007fb\u0085c\u009fd", "abcd"),
                arguments("format characters stay for the rule engine", "id\u200Biot", "id\u200Biot"),
                arguments("emoji and Cyrillic stay", "Привет 😀", "Привет 😀"),
                arguments("tags are dropped", "<b>bold</b> and <a href=\"x\">link</a>", "bold and link"),
                arguments("script is dropped with its content", "Hi<script>alert('x')</script> there", "Hi there"),
                arguments("script with attributes and odd case", "a<SCRIPT type=\"text/javascript\">x()</ScRiPt >b", "ab"),
                arguments("style is dropped with its content", "<style>p{color:red}</style>text", "text"),
                arguments("an unclosed script drops the rest", "safe<script>evil()", "safe"),
                arguments("a '>' inside a quoted attribute does not end the tag",
                        "<a title=\"a > b\">x</a>", "x"),
                arguments("entities are decoded once", "Tom &amp; Jerry &lt;3 &amp;lt;", "Tom & Jerry <3 &lt;"),
                arguments("numeric references", "&#8220;quoted&#x201D; &#128512;", "\u201cquoted\u201d 😀"),
                arguments("a reference to a control character is removed too", "bell&#7;", "bell"),
                arguments("a reference to a surrogate becomes U+FFFD", "&#xD800;", "\uFFFD"),
                arguments("unknown entities stay", "&notanentity; & more", "&notanentity; & more"),
                arguments("a decoded '<' is text, not markup", "&lt;script&gt;x&lt;/script&gt;", "<script>x</script>"),
                arguments("comparisons are not tags", "a < b and c > d, x<y", "a < b and c > d, x<y"),
                arguments("a heart is not a tag", "love you <3", "love you <3"),
                arguments("made-up tags stay as text", "<grin> ok </grin>", "<grin> ok </grin>"),
                arguments("line-breaking tags keep lines apart", "<p>one</p><p>two</p>line<br>break",
                        "one\ntwo\nline\nbreak"),
                arguments("markup around the text adds no newline", "<div><p>only</p></div>", "only"),
                arguments("a reader's <br> is kept even at the end", "end<br/>", "end\n"),
                arguments("HTML comments are dropped", "a<!-- hidden -->b", "ab"),
                arguments("CDATA keeps its text", "<![CDATA[raw <b>]]>", "raw <b>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanings")
    void cleansTheTextKeepingWhatTheReaderWrote(String name, String raw, String cleaned) {
        assertThat(TextCleaner.clean(raw)).isEqualTo(cleaned);
    }

    @Test
    void nullStaysNull() {
        assertThat(TextCleaner.clean(null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cleanings")
    void cleaningNeverLengthensTheText(String name, String raw, String cleaned) {
        assertThat(TextCleaner.clean(raw).codePointCount(0, TextCleaner.clean(raw).length()))
                .isLessThanOrEqualTo(raw.codePointCount(0, raw.length()));
    }

    static Stream<Arguments> surrogates() {
        return Stream.of(
                arguments("a pair", "ok 😀", -1),
                arguments("a lone high surrogate", "ab\uD83D", 2),
                arguments("a lone low surrogate", "\uDE00ab", 0),
                arguments("two highs", "\uD83D\uD83D\uDE00", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surrogates")
    void findsUnpairedSurrogates(String name, String text, int index) {
        assertThat(TextCleaner.firstUnpairedSurrogate(text)).isEqualTo(index);
    }
}
