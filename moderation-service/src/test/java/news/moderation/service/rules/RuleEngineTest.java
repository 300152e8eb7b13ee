package news.moderation.service.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTest {

    static final RuleEngine DEFAULTS = RuleEngine.of(List.of(pack("default-en.yml"), pack("default-ru-uk.yml")),
            new Thresholds(2, 5));

    static RulePack pack(String name) {
        var stream = RuleEngineTest.class.getResourceAsStream("/rules/" + name);
        return RulePack.parse(name, new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} by {2}")
    @CsvSource(delimiter = '|', value = {
            "All the dwarf has to do is turn off the gas.      | Review | epithet.dwarf",
            "Life in Dwarfstanian villages is hard              | Review | epithet.dwarf",
            "PUTLER again                                       | Review | epithet.putler",
            "you are an idiot                                   | Review | insult.general",
            "The traitor is to be shot!!                        | Hide   | threat.execution",
            "what a load of bullshit                            | Review | profanity.english",
            "этот плешивый карлик опять врёт                    | Review | epithet.karlik",
            "ватники снова пишут                                | Review | slur.war.cyrillic",
            "пиздец полный                                      | Review | profanity.mat",
    })
    void flagsAbuseWithTheRuleThatCaughtIt(String text, String decision, String ruleId) {
        var verdict = DEFAULTS.evaluate(text);

        assertThat(verdict.getClass().getSimpleName()).isEqualTo(decision);
        assertThat(verdict.matches()).extracting(Match::ruleId).contains(ruleId);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "Sirius B is a white dwarf star",
            "Pluto was reclassified as a dwarf planet",
            "Scunthorpe United won at home",
            "The cockpit voice recorder was found",
            "Russia's economy is smaller than Italy's",
            "He will most likely be killed, analysts fear",
            "shitake mushrooms are tasty",
    })
    void approvesInnocentTextThatLooksLikeAbuse(String text) {
        assertThat(DEFAULTS.evaluate(text)).isInstanceOf(Verdict.Approve.class);
    }

    @Test
    void spansPointAtTheWordsAsTheReaderWroteThem() {
        var text = "Well… the DWARF knows 😀 Dwarfstan's fate";

        var matches = DEFAULTS.evaluate(text).matches();

        assertThat(matches).extracting(Match::excerpt).containsExactly("the DWARF", "Dwarfstan");
        for (var match : matches) {
            assertThat(text.substring(match.start(), match.end())).isEqualTo(match.excerpt());
        }
    }

    @Test
    void theVerdictNamesTheRuleSetVersionThatProducedIt() {
        var version = DEFAULTS.evaluate("anything").ruleSetVersion();

        assertThat(version).matches("default-en\\+default-ru-uk@[0-9a-f]{12}").isEqualTo(DEFAULTS.version());
    }

    @Test
    void theScoreIsTheHighestSeverityAmongTheMatches() {
        var verdict = DEFAULTS.evaluate("idiot, you should be shot");

        assertThat(verdict.score()).isEqualTo(5);
        assertThat(verdict).isInstanceOf(Verdict.Hide.class);
    }
}
