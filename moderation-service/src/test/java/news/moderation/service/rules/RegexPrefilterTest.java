package news.moderation.service.rules;

import com.google.re2j.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The prefilter may only ever skip a regex that cannot match: it is an optimisation, never a rule. */
class RegexPrefilterTest {

    static final CompiledRules DEFAULTS = new CompiledRules(DefaultPacks.packs());

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " ~ ", value = {
            // regex ~ factors (<: as a whole word from its start, >: to its end) ~ most letters and digits
            "(?i)\\bfoo\\b ~ <foo> ~ -",
            "^abc$ ~ <abc> ~ 3",
            "a(b|c)d ~ abd|acd ~ -",
            "(?i)drop dead|kys ~ drop dead|kys ~ -",
            "(?i)^[\\s\\p{P}]*(?:(?:you|u)\\s+){0,2}(jerks?|pigs?)[\\s\\p{P}]*$ ~ jerks|jerk|pigs|pig ~ 11",
            "(?i)\\b(?:earn|made)\\s+\\d+ ~ <earn|made> ~ -",
            "[$€£]\\s?\\d ~  ~ -",
            "(?m)^hello$ ~ <hello> ~ -",
            "x{2,}y* ~  ~ -",
            "(?i)k(?:ys)? ~  ~ -",
    })
    void findsWhatEveryMatchMustContain(String regex, String factors, String most) {
        var requirements = RegexRequirements.of(regex);

        var described = new ArrayList<String>();
        for (var f : requirements.factors) {
            described.add((f.wordStart() ? "<" : "") + String.join("|", f.literals()) + (f.wordEnd() ? ">" : ""));
        }
        assertThat(String.join(" ", described)).isEqualTo(factors == null ? "" : factors);
        assertThat(requirements.maxWordChars == RegexRequirements.UNBOUNDED ? "-" : String.valueOf(requirements.maxWordChars))
                .isEqualTo(most);
    }

    @Test
    void whatItCannotReadItRequiresNothingOf() {
        for (var regex : List.of("(a", "\\p{Greek}+", "[[:alpha:]]", "(?<name>x)\\k<name>", "a{2", "\\x{1F600}")) {
            var requirements = RegexRequirements.of(regex);
            assertThat(requirements.factors).as(regex).allSatisfy(f -> assertThat(f.literals()).isNotEmpty());
        }
        assertThat(RegexRequirements.of("(a").factors).isEmpty();
    }

    @Test
    void foldingCoversWhatRe2jMatchesCaseInsensitively() {
        // every char RE2J's (?i) takes for a letter or digit folds to it: K (Kelvin) to k, ſ to s
        for (char c = '0'; c <= 'z'; c++) {
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            var pattern = Pattern.compile("(?i)" + c);
            for (int x = 0; x < 0x10000; x++) {
                if (Character.isSurrogate((char) x)) {
                    continue;
                }
                if (pattern.matcher(String.valueOf((char) x)).matches()) {
                    assertThat(RegexRequirements.fold((char) x)).as("U+%04X for %s", x, c).isEqualTo(RegexRequirements.fold(c));
                }
            }
        }
    }

    @Test
    void everyCharOutsideTheFoldingRangesFoldsToItself() {
        var ranges = RegexRequirements.FOLDING_RANGES;
        int r = 0;
        for (int c = 0; c < 0x10000; c++) {
            while (r < ranges.length && c > ranges[r + 1]) {
                r += 2;
            }
            boolean inside = r < ranges.length && c >= ranges[r];
            if (!inside) {
                assertThat((int) RegexRequirements.fold((char) c)).as("U+%04X", c).isEqualTo(c);
            }
        }
    }

    @Provide
    Arbitrary<String> textsNearTheRegexes() {
        // the words the default regexes are made of, and some that are not, in any case, spacing and order
        var words = Arbitraries.of("you", "You", "YOU", "u", "ya", "are", "r", "re", "'re", "’re", "a", "an", "such", "such a",
                "just", "the", "little", "fat", "stupid", "pig", "pigs", "rat", "rats", "democrats", "snake", "sheep",
                "jerk", "loser", "Loser", "trolls", "bot", "die", "drop dead", "kys", "KYS", "now", "please", "slowly",
                "earn", "make", "making", "made", "up to", "over", "$", "€", "£", "5", "500", "1,000", "k", "per", "a",
                "day", "week", "month", "hour", "RuSSia", "Russia", "RuSSian", "PutinSS", "KremliNazi", "DemocRATS",
                "LibTURDS", "RepubliCONS", "ſ", "K", "hello", "world", "news", "today", "!!", "?", "...", "\n", "_");
        var gaps = Arbitraries.of(" ", "  ", "", ", ", ". ", "\t", "!", "-", "\n");
        return Arbitraries.oneOf(
                words.list().ofMaxSize(5).flatMap(ws -> gaps.list().ofSize(ws.size() + 1).map(gs -> {
                    var b = new StringBuilder(gs.get(0));
                    for (int i = 0; i < ws.size(); i++) {
                        b.append(ws.get(i)).append(gs.get(i + 1));
                    }
                    return b.toString();
                })),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    @Property(tries = 20000)
    void neverSkipsARegexThatMatches(@ForAll("textsNearTheRegexes") String text) {
        var filter = DEFAULTS.regexFilter;
        var seen = new boolean[filter.factorCount];
        var chars = text.toCharArray();
        filter.scan(chars, chars.length, seen);
        for (int r = 0; r < DEFAULTS.regexes.size(); r++) {
            var regex = DEFAULTS.regexes.get(r);
            // a rule with a when list runs only where one of its literals occurs as written (" uare pig ")
            boolean runs = regex.when().isEmpty() || regex.when().stream().anyMatch(text::contains);
            if (runs && regex.pattern().matcher(text).find()) {
                assertThat(filter.mayMatch(r, seen, chars, chars.length)).as("%s on %s", regex.rule().id(), text).isTrue();
            }
        }
    }

    @Test
    void letsThroughTheTextsTheRegexesAreFor() {
        var engine = DefaultPacks.ENGINE;

        assertThat(ids(engine, "loser.")).contains("insult.bare");
        assertThat(ids(engine, "just die")).contains("threat.death-wish-alone");
        assertThat(ids(engine, "you are a pig")).contains("insult.animal-you");
        assertThat(ids(engine, "Make $500 per day from home")).contains("spam.money");
        assertThat(ids(engine, "Terrorist states like RuSSia must go")).contains("epithet.russia-ss");
        assertThat(ids(engine, "the DemocRATS again")).contains("epithet.political-caps");
        // and the comments they are not for never reach RE2J
        var filter = DEFAULTS.regexFilter;
        var text = "The central bank keeps promising the export ban around 250,000 people at the worst possible moment.";
        var seen = new boolean[filter.factorCount];
        filter.scan(text.toCharArray(), text.length(), seen);
        for (int r = 0; r < DEFAULTS.regexes.size(); r++) {
            assertThat(filter.mayMatch(r, seen, text.toCharArray(), text.length())).as(DEFAULTS.regexes.get(r).rule().id()).isFalse();
        }
    }

    private static List<String> ids(RuleEngine engine, String text) {
        return engine.evaluate(text).matches().stream().map(Match::ruleId).toList();
    }
}
