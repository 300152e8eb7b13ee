package news.moderation.service.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTest {

    static final RuleEngine ENGINE = DefaultPacks.ENGINE;

    @ParameterizedTest(name = "[{index}] {0} -> {1} by {2}")
    @CsvSource(delimiter = '|', value = {
            // epithets, with the determiner or modifier that makes them one
            "All the dwarf has to do is turn off the gas.      | REVIEW | epithet.dwarf",
            "the little dwarf in the Kremlin                    | REVIEW | epithet.dwarf",
            "Life in Dwarfstanian villages is hard              | REVIEW | epithet.dwarfstan",
            "PUTLER again                                       | REVIEW | epithet.putler",
            "Terrorist states like RuSSia must go               | REVIEW | epithet.russia-ss",
            "этот плешивый карлик опять врёт                    | REVIEW | epithet.karlik",
            "Путлер знову погрожує                              | REVIEW | epithet.uk",
            // insults
            "you are an idiot                                   | REVIEW | insult.general",
            "what a pathetic clown you are                      | REVIEW | insult.directed",
            "ты просто дебил                                    | REVIEW | insult.ru",
            "ти ідіот                                           | REVIEW | insult.uk",
            // slurs
            "typical vatnik logic                               | REVIEW | slur.war",
            "ватники снова пишут                                | REVIEW | slur.war-ru",
            "москалі знову брешуть                              | REVIEW | slur.war-uk",
            // threats hide
            "HE IS TO BE SHOT!!                                 | HIDE   | threat.execution",
            "Traitors like him should be hanged                 | HIDE   | threat.execution",
            "I will kill you                                    | HIDE   | threat.direct",
            "надо всех расстрелять                              | HIDE   | threat.ru",
            // profanity
            "what a load of bullshit                            | REVIEW | profanity.strong",
            "пиздец полный                                      | REVIEW | profanity.mat",
            "курва, знову                                       | REVIEW | profanity.uk",
            // dehumanization
            "they are subhuman                                  | REVIEW | dehumanization.vermin",
    })
    void flagsAbuseWithTheRuleThatCaughtIt(String text, Decision decision, String ruleId) {
        var verdict = ENGINE.evaluate(text);

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.matches()).extracting(Match::ruleId).contains(ruleId);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // evasions of "dwarf"
            "the d.w.a.r.f again",
            "the d w a r f again",
            "the dw@rf again",
            "the dwаrf again",           // Cyrillic а
            "the dwaaaarf again",
            "the DwArF again",
            "the d\u200bwarf again",     // zero-width space
            "the dw&#97;rf again",       // HTML entity
            "the ｄｗａｒｆ again",        // full-width
            "the dwárf again",           // diacritic
    })
    void evadedSpellingsStillMatch(String text) {
        assertThat(ENGINE.evaluate(text).matches()).extracting(Match::ruleId).contains("epithet.dwarf");
    }

    @ParameterizedTest(name = "[{index}] {0} by {1}")
    @CsvSource(delimiter = '|', value = {
            "f u c k this                   | profanity.strong",
            "sh1t happens                   | profanity.strong",
            "$hit happens                   | profanity.strong",
            "you 1d10t                      | insult.general",
            "fuuuuuck                       | profanity.strong",
            "ты дeбил                       | insult.ru",       // Latin e inside a Cyrillic word
            "п.и.з.д.е.ц                    | profanity.mat",
            "хуйня какая-то                 | profanity.mat",
            "ёбаный стыд                    | profanity.mat",
    })
    void evasionsInEveryLanguageStillMatch(String text, String ruleId) {
        assertThat(ENGINE.evaluate(text).matches()).extracting(Match::ruleId).contains(ruleId);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "Sirius B is a white dwarf star",
            "Pluto was reclassified as a dwarf planet",
            "Russia's economy is dwarfed by Italy's",
            "Snow White and the Seven Dwarfs",
            "Scunthorpe United won at home",
            "Belarus sounds a bit like Uranus, a distant planet",
            "The cockpit voice recorder was found",
            "The analysis of the assessment was classic",
            "He will most likely be killed, analysts fear",
            "The missile shot down the jetliner",
            "The plane was shot down over Ukraine",
            "shiitake mushrooms are tasty",
            "Russia is a big country and Russians vote",
            "Prussia was a kingdom",
            "In 2016 the 3 parties met at 10:45",
            "Great news!!! Finally!",
            "We need a dwarf variety of apple tree",
            "укроп и петрушка на грядке",
            "Хохлома — народный промысел",
            "This is a good idea, as far as I can tell",
            "Dick Cheney was vice president",
    })
    void approvesInnocentTextThatLooksLikeAbuse(String text) {
        var verdict = ENGINE.evaluate(text);
        assertThat(verdict.decision()).as("%s", verdict.matches()).isEqualTo(Decision.APPROVE);
    }

    @Test
    void spansPointAtTheWordsAsTheReaderWroteThem() {
        var text = "Well… the DWARF knows 😀 Dwarfstan's fate, d.w.a.r.f";

        var matches = ENGINE.evaluate(text).matches();

        assertThat(matches).extracting(Match::excerpt).contains("the DWARF", "Dwarfstan");
        for (var match : matches) {
            assertThat(text.substring(match.start(), match.end())).isEqualTo(match.excerpt());
        }
    }

    @Test
    void anOpenEndedTermHighlightsTheWholeWord() {
        var match = ENGINE.evaluate("all Dwarfstanians agree").matches().get(0);

        assertThat(match.excerpt()).isEqualTo("Dwarfstanians");
    }

    @Test
    void theVerdictNamesTheRuleSetVersionThatProducedIt() {
        var version = ENGINE.evaluate("anything").ruleSetVersion();

        assertThat(version).matches("default-en@[^+]+\\+default-ru@[^+]+\\+default-uk@[^#]+#[0-9a-f]{12}")
                .isEqualTo(ENGINE.version());
    }

    @Test
    void theScoreIsTheHighestSeverityAmongTheMatches() {
        var verdict = ENGINE.evaluate("idiot, you should be shot");

        assertThat(verdict.score()).isEqualTo(5);
        assertThat(verdict.decision()).isEqualTo(Decision.HIDE);
    }

    @Test
    void abuseQuotedFromTheParentStillFlagsButDoesNotHide() {
        var parent = "Anyone who signs this should be shot for treason.";
        var reply = "> Anyone who signs this should be shot for treason.\nThat is not an argument.";

        var verdict = ENGINE.evaluate(reply, parent);

        assertThat(verdict.decision()).isEqualTo(Decision.REVIEW);
        assertThat(verdict.matches()).allMatch(Match::quoted);
        assertThat(ENGINE.evaluate(reply).decision()).isEqualTo(Decision.HIDE);
    }

    @Test
    void structuralRulesCatchShoutingLinkFloodsAndRepeatedCharacters() {
        assertThat(ids("THIS GOVERNMENT HAS FAILED EVERY SINGLE ONE OF US AGAIN")).contains("shouting");
        assertThat(ids("see http://a.example http://b.example https://c.example")).contains("spam.links");
        assertThat(ids("noooooooooooooooooo way")).contains("spam.repeated-characters");
        assertThat(ids("NATO and the EU met in Brussels today to discuss it")).doesNotContain("shouting");
    }

    @Test
    void aThresholdChangeChangesTheDecisionNotTheMatches() {
        var strict = RuleEngine.of(DefaultPacks.packs(), new Thresholds(1, 3));

        assertThat(strict.evaluate("All the dwarf has to do").decision()).isEqualTo(Decision.HIDE);
        assertThat(strict.evaluate("what crap").decision()).isEqualTo(Decision.REVIEW);
    }

    private static List<String> ids(String text) {
        return ENGINE.evaluate(text).matches().stream().map(Match::ruleId).toList();
    }
}
