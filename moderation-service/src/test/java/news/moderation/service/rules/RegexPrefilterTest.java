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

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
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

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " ~ ", value = {
            // literals ~ what the normalized text holds wherever the original holds one of them ("-": nothing sure)
            "pig|pigs ~ pig ріg pigs ріgs",
            // runs of a letter stored once; look-alikes of the other script in a word mostly of that script
            "sheep ~ shep sнер",
            // the longest run of letters: normalization keeps letters, not the spaces or signs between them
            "drop dead ~ drop drор",
            "you're ~ you уоu",
            // Cyrillic literals, and a mark after the last letter that makes a new one: и + ◌̆ is й
            "сволочи ~ сволочи cboлoчи сволочй cboлoчй",
            // under three letters hits in nearly every text; a name an HTML entity may hide in; no letters
            "u  ~ -",
            "kys|ya ~ -",
            "amp ~ -",
            "face ~ -",
            "$ ~ -",
    })
    void factorsHaveAFormInTheNormalizedTextWhereNormalizationCannotBreakThem(String literals, String forms) {
        var found = RegexPrefilter.normalizedForms(List.of(literals.split("\\|")), new HashMap<>());

        assertThat(found == null ? "-" : String.join(" ", found)).isEqualTo(forms);
    }

    @Provide
    Arbitrary<String> textsNearTheRegexes() {
        // the words the default regexes are made of, and some that are not, in any case, spacing and order;
        // and the same words as normalization changes them: look-alike letters, leetspeak, stretched and
        // split letters, marks, entities, zero-width chars, letters that fold to others (İ, ı, K, ſ)
        var words = Arbitraries.of("you", "You", "YOU", "u", "ya", "are", "r", "re", "'re", "’re", "a", "an", "such", "such a",
                "just", "the", "little", "fat", "stupid", "pig", "pigs", "rat", "rats", "democrats", "snake", "sheep",
                "jerk", "loser", "Loser", "trolls", "bot", "die", "drop dead", "kys", "KYS", "now", "please", "slowly",
                "earn", "make", "making", "made", "up to", "over", "$", "€", "£", "5", "500", "1,000", "k", "per", "a",
                "day", "week", "month", "hour", "RuSSia", "Russia", "RuSSian", "PutinSS", "KremliNazi", "DemocRATS",
                "LibTURDS", "RepubliCONS", "ſ", "K", "hello", "world", "news", "today", "!!", "?", "...", "\n", "_",
                "рig", "pіg", "dіe", "жpig", "pigж", "pigжжжж", "свиньяpig", "pig$", "p1g", "d1e", "p!g", "diiie", "sheeep", "piiig",
                "p i g", "d.i.e", "d i e", "die\u0301", "pig\u0306", "и\u0306", "d\u200Bie", "&amp;", "&amp;die",
                "&#xdead;", "&#100;ie", "d&#105;e", "Dİe", "dıe", "PİG", "ſheep", "KYS", "ｄｉｅ", "ПИГ", "эpig", "yоu",
                "DIE", "Die", "wеek", "mаke", "еarn");
        var gaps = Arbitraries.of(" ", "  ", "", ", ", ". ", "\t", "!", "-", "\n", "\u00A0", "\u200B");
        return Arbitraries.oneOf(
                words.list().ofMaxSize(8).flatMap(ws -> gaps.list().ofSize(ws.size() + 1).map(gs -> {
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
        var runs = rulesLetThrough(text);
        for (int r = 0; r < DEFAULTS.regexes.size(); r++) {
            var regex = DEFAULTS.regexes.get(r);
            // a rule with a when list runs only where one of its literals occurs as written (" uare pig ")
            boolean when = regex.when().isEmpty() || regex.when().stream().anyMatch(text::contains);
            if (when && regex.pattern().matcher(text).find()) {
                assertThat(runs).as("%s on %s", regex.rule().id(), text).contains(regex.rule().id());
            }
        }
    }

    /** Regexes that are little more than one literal each, so that random texts match them often. */
    static final CompiledRules LITERALS = new CompiledRules(List.of(RulePack.parse("literals.yml", new StringReader("""
            pack: literals
            version: "1"
            rules:
              - {id: t.pig, category: insult, severity: 3, regex: "(?i)\\\\bpigs?\\\\b"}
              - {id: t.sheep, category: insult, severity: 3, regex: "(?i)sheep"}
              - {id: t.scum, category: insult, severity: 3, regex: "(?i)сволочи"}
              - {id: t.dead, category: threat, severity: 3, regex: "(?i)drop dead|deadly"}
              - {id: t.you, category: insult, severity: 3, regex: "(?i)\\\\byou'?re\\\\s+vile"}
              - {id: t.amp, category: spam, severity: 2, regex: "(?i)amp"}
              - {id: t.face, category: spam, severity: 2, regex: "(?i)face"}
            """))));

    @Provide
    Arbitrary<String> textsNearTheLiterals() {
        // the literals, and what normalization does to words around them: look-alike letters of the other script
        // in and next to them, stretched letters, marks, entities, leetspeak, zero-width chars, case
        var words = Arbitraries.of("pig", "pigs", "PIG", "sheep", "SHEEP", "shееp", "сволочи", "СВОЛОЧИ", "drop dead",
                "deadly", "you're", "youre", "vile", "ampersand", "camp", "&amp;", "&#xdead;", "&camp;", "&#x64;eadly",
                "face", "&#xface;", "&#XFACE;", "&#x66;ace",
                "ж", "жжжж", "свинья", "ab", "x", "1", "$", "@", "!", "\u0306", "\u0308", "\u0301", "\u200B", "ſ", "K",
                "İ", "ı", "е", "о", "р", "a", "o", "p", "ee", "eee", "гг");
        var gaps = Arbitraries.of("", "", "", " ", "  ", ".", "\n", "-");
        return words.list().ofMaxSize(6).flatMap(ws -> gaps.list().ofSize(ws.size() + 1).map(gs -> {
            var b = new StringBuilder(gs.get(0));
            for (int i = 0; i < ws.size(); i++) {
                b.append(ws.get(i)).append(gs.get(i + 1));
            }
            return b.toString();
        }));
    }

    @Property(tries = 30000)
    void neverSkipsALiteralThatNormalizationChanged(@ForAll("textsNearTheLiterals") String text) {
        var runs = rulesLetThrough(LITERALS, text);
        for (var regex : LITERALS.regexes) {
            if (regex.pattern().matcher(text).find()) {
                assertThat(runs).as("%s on %s", regex.rule().id(), text).contains(regex.rule().id());
            }
        }
    }

    @Test
    void aRegexAnchoredAtBothEndsRunsOnATextOfExactlyAsManyLettersAsItCanMatch() {
        var rules = new CompiledRules(List.of(RulePack.parse("bare.yml", new StringReader("""
                pack: bare
                version: "1"
                rules:
                  - {id: t.bare, category: insult, severity: 3, regex: '(?i)^\\s*you\\s+idiot[.!]*\\s*$'}
                """))));

        // "you idiot": 8 letters, the most a match holds
        assertThat(rulesLetThrough(rules, "You idiot!")).containsExactly("t.bare");
        assertThat(rulesLetThrough(rules, "you idiot x")).isEmpty();
    }

    /** The regex rules the engine's checks let through to RE2J for {@code text}, found as the engine does. */
    private static List<String> rulesLetThrough(String text) {
        return rulesLetThrough(DEFAULTS, text);
    }

    private static List<String> rulesLetThrough(CompiledRules rules, String text) {
        var normalizer = new TextNormalizer();
        var normalized = normalizer.normalizeAndScan(text, rules.automaton);
        var hits = new TermHits();
        hits.reset(normalized, rules);
        normalizer.reportFound(hits);
        var filter = rules.regexFilter;
        var pass = new RegexPrefilter.Pass();
        filter.reset(pass);
        var through = new ArrayList<String>();
        for (int r = 0; r < rules.regexes.size(); r++) {
            if (filter.mayMatch(r, text, normalizer.source(), hits.regexCandidates(), pass)) {
                through.add(rules.regexes.get(r).rule().id());
            }
        }
        return through;
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
        assertThat(rulesLetThrough("The central bank keeps promising the export ban around 250,000 people at the worst"
                + " possible moment.")).isEmpty();
        // nor those that have a rule's words, but not as it needs them
        assertThat(rulesLetThrough("You made pigments and separate, rather dogmatic, earnings.")).isEmpty();
    }

    private static List<String> ids(RuleEngine engine, String text) {
        return engine.evaluate(text).matches().stream().map(Match::ruleId).toList();
    }
}
