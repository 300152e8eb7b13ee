package news.moderation.service.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever readers type, the engine answers, and every span points into what they typed. */
class RuleEngineProperties {

    static final RuleEngine ENGINE = DefaultPacks.ENGINE;

    @Provide
    Arbitrary<String> hostileText() {
        var pieces = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),                        // any UTF-16, lone surrogates too
                Arbitraries.strings().withCharRange('\u0300', '\u036f').ofMaxLength(8),   // combining marks (zalgo)
                Arbitraries.strings().withCharRange('\u0590', '\u06ff').ofMaxLength(8),   // right-to-left scripts
                Arbitraries.strings().withCharRange('\u0400', '\u04ff').ofMaxLength(8),   // Cyrillic
                Arbitraries.of("😀", "👍🏽", "\u200b", "\u200d", "\u202e", "&amp;", "&#1076;", "&#x64;", "&bogus;",
                        "d.w.a.r.f", "dw@rf", "the dwаrf", "f u c k", "хуй", "white dwarf", "RuSSia", "$hit",
                        "http://x.example", "!!!!!!!!!!!!!!", "\n> ", "“", "”", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                        "a d.w.a.r.f", "u r a l.o.s.e.r", "I a m", "a$$", "сук@", "C++", "$5", "covid19", "Ｆｕｌｌ",
                        "ß", "ﬁ", "½", "и\u0306", " a ", " b ", " c. ", "dwаrf", "The Quick brown fox, "),
                Arbitraries.strings().withChars(" .-*_@$!10345789").ofMaxLength(6));
        return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void neverThrowsAndEverySpanIsTheOriginalText(@ForAll("hostileText") String text) {
        var verdict = ENGINE.evaluate(text);

        for (var match : verdict.matches()) {
            assertThat(match.start()).isBetween(0, text.length());
            assertThat(match.end()).isBetween(match.start() + 1, text.length());
            assertThat(text.substring(match.start(), match.end())).isEqualTo(match.excerpt().endsWith("…")
                    ? text.substring(match.start(), match.end()) : match.excerpt());
        }
    }

    @Property(tries = 500)
    void theSameTextAlwaysGetsTheSameVerdict(@ForAll("hostileText") String text) {
        assertThat(ENGINE.evaluate(text)).isEqualTo(ENGINE.evaluate(text));
    }

    @Property(tries = 500)
    void aQuotingParentNeverMakesAVerdictHarsher(@ForAll("hostileText") String text, @ForAll("hostileText") String parent) {
        assertThat(ENGINE.evaluate(text, parent).score()).isLessThanOrEqualTo(ENGINE.evaluate(text).score());
    }

    @Property(tries = 5)
    void hugeInputsAreHandled(@ForAll @StringLength(min = 100_000, max = 100_000) String text) {
        var verdict = ENGINE.evaluate(text);

        assertThat(verdict.matches()).allSatisfy(m -> assertThat(m.end()).isLessThanOrEqualTo(text.length()));
    }

    @Property(tries = 2000)
    void theShortcutForPlainWordsReadsTextAsTheGeneralPathDoes(@ForAll("hostileText") String text) {
        var fast = new TextNormalizer().normalize(text, true);
        var general = TextNormalizer.withoutShortcut().normalize(text, true);

        assertThat(fast.text()).isEqualTo(general.text());
        assertThat(Arrays.copyOf(fast.runs, fast.length)).isEqualTo(Arrays.copyOf(general.runs, general.length));
        assertThat(Arrays.copyOf(fast.from, fast.length)).isEqualTo(Arrays.copyOf(general.from, general.length));
        assertThat(Arrays.copyOf(fast.to, fast.length)).isEqualTo(Arrays.copyOf(general.to, general.length));
        assertThat(List.of(fast.upper, fast.lower, fast.longestRepeat))
                .isEqualTo(List.of(general.upper, general.lower, general.longestRepeat));
    }

    @Property(tries = 2000)
    void withoutOffsetsTheTextReadsAsWithThem(@ForAll("hostileText") String previous, @ForAll("hostileText") String text) {
        // the first pass of every text takes another loop for plain words; a reused normalizer, as the
        // engine's, must leave nothing of the text before in it
        var reused = new TextNormalizer();
        reused.normalize(previous + previous, false);

        var quick = reused.normalize(text, false);
        var general = TextNormalizer.withoutShortcut().normalize(text, true);

        assertThat(quick.text()).isEqualTo(general.text());
        assertThat(Arrays.copyOf(quick.runs, quick.length)).isEqualTo(Arrays.copyOf(general.runs, general.length));
        assertThat(List.of(quick.upper, quick.lower, quick.longestRepeat))
                .isEqualTo(List.of(general.upper, general.lower, general.longestRepeat));
    }

    /** Short patterns, some across spaces, that hostile text hits often: in words the normalizer takes back too. */
    static final Automaton FREQUENT = new Automaton(List.of("a", " a ", "a b", "dwarf", "rf ", " d", "uck", "ss",
            "sh", "it", "хуй", "у", " ", "  ", "1", "e f", "ааа", "dw"));
    static final Automaton DEFAULT_TERMS = new CompiledRules(DefaultPacks.packs()).automaton;

    @Property(tries = 2000)
    void theAutomatonReadAlongTheWayFindsWhatAPassOverTheOutputFinds(@ForAll("hostileText") String previous,
                                                                     @ForAll("hostileText") String text) {
        for (var automaton : List.of(FREQUENT, DEFAULT_TERMS)) {
            var reused = new TextNormalizer();
            reused.normalizeAndScan(previous, automaton);

            var normalized = reused.normalizeAndScan(text, automaton);
            var along = new ArrayList<String>();
            reused.reportFound((pattern, end) -> along.add(pattern + "@" + end));
            var over = new ArrayList<String>();
            automaton.scan(normalized.chars, normalized.length, (pattern, end) -> over.add(pattern + "@" + end));

            assertThat(along).containsExactlyInAnyOrderElementsOf(over);
            assertThat(normalized.text()).isEqualTo(TextNormalizer.normalize(text).text());
        }
    }

    @Property(tries = 2000)
    void anOffsetsPassThatStopsEarlyMapsWhatItCoversAsAWholePassDoes(@ForAll("hostileText") String text,
                                                                      @ForAll @IntRange(max = 400) int through) {
        var whole = TextNormalizer.normalize(text);
        var reused = new TextNormalizer();
        reused.normalizeAndScan(text, DEFAULT_TERMS);

        var partial = reused.normalizeThrough(text, through);

        int covered = Math.min(through + 1, whole.length);
        assertThat(partial.length).isGreaterThanOrEqualTo(covered);
        assertThat(new String(partial.chars, 0, covered)).isEqualTo(new String(whole.chars, 0, covered));
        assertThat(Arrays.copyOf(partial.runs, covered)).isEqualTo(Arrays.copyOf(whole.runs, covered));
        assertThat(Arrays.copyOf(partial.from, covered)).isEqualTo(Arrays.copyOf(whole.from, covered));
        assertThat(Arrays.copyOf(partial.to, covered)).isEqualTo(Arrays.copyOf(whole.to, covered));
    }

    @Property(tries = 500)
    void aReusedNormalizerGivesWhatAFreshOneGives(@ForAll("hostileText") String first, @ForAll("hostileText") String text) {
        var reused = new TextNormalizer();
        reused.normalize(first, true);

        var again = reused.normalize(text, false);
        var fresh = TextNormalizer.normalize(text);

        assertThat(again.text()).isEqualTo(fresh.text());
        assertThat(Arrays.copyOf(again.runs, again.length)).isEqualTo(Arrays.copyOf(fresh.runs, fresh.length));
    }

    @Property(tries = 1000)
    void normalizedCharsMapBackInsideTheOriginalInOrder(@ForAll("hostileText") String text) {
        var normalized = TextNormalizer.normalize(text);

        assertThat(normalized.chars[0]).isEqualTo(' ');
        assertThat(normalized.chars[normalized.length - 1]).isEqualTo(' ');
        int previousFrom = 0;
        for (int i = 0; i < normalized.length; i++) {
            assertThat(normalized.from[i]).isBetween(0, text.length());
            assertThat(normalized.to[i]).isBetween(normalized.from[i], text.length());
            if (normalized.chars[i] != ' ') {
                // one original character may fold into several ("ﬁ" -> "fi"): they share its span
                assertThat(normalized.from[i]).isGreaterThanOrEqualTo(previousFrom);
                assertThat(normalized.to[i]).isGreaterThan(normalized.from[i]);
                previousFrom = normalized.from[i];
                assertThat(normalized.chars[i - 1] == ' ' || normalized.chars[i - 1] != normalized.chars[i])
                        .as("runs are stored once").isTrue();
            }
        }
    }
}
