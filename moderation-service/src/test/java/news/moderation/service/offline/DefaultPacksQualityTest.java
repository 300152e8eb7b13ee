package news.moderation.service.offline;

import news.moderation.service.rules.Decision;
import news.moderation.service.rules.Match;
import news.moderation.service.rules.RuleEngine;
import news.moderation.service.rules.Thresholds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the classes of abuse and innocence the default packs were tuned for, as the offline command loads
 * them. Every sentence here is written for this test.
 */
class DefaultPacksQualityTest {

    static final RuleEngine ENGINE = RuleSet.engine(List.of(), new Thresholds(2, 5));

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            // words that are also insults, slurs or threats in another sense
            "The fire retardant was dropped from the air.",
            "Scientists say Neanderthals and modern humans interbred.",
            "He was a Nazi officer who fled after the war.",
            "Mussolini was a fascist dictator.",
            "Head lice outbreaks are common in schools.",
            "Termites are destroying the old wooden pier.",
            "It was a freak accident on the motorway.",
            "He is a control freak about his calendar.",
            "The gay community marched in the pride parade.",
            "Homo sapiens evolved in Africa.",
            "The garden hoe is in the shed.",
            "The dyke was breached after the storm.",
            "Lesbos took in thousands of refugees.",
            "Niger held elections on Sunday.",
            "Arsenal beat Chelsea at home.",
            "My cat is a Maine Coon.",
            "There is a chink in the government's armour.",
            "Guinea pigs make good pets.",
            "Dolphins are smart animals.",
            "The pig farm outside the village is expanding.",
            "He looked drop dead gorgeous in that suit.",
            // violence that is reported, predicted, idiomatic or sporting
            "Three people were shot dead in the attack.",
            "Activists fear the dissidents could be executed.",
            "Thousands die in the famine every year.",
            "You can die from heat stroke, doctors warn.",
            "If you die in the game you lose a life.",
            "Die Hard is a Christmas film.",
            "Bleach will kill all germs on the counter.",
            "She wants to kill the bill in committee.",
            "Shoot him an email if you have questions.",
            "The team will beat them on Sunday.",
            "With their backs against the wall, the defenders held on.",
            "Hang them on the wall to dry.",
            "They kicked him out of the party.",
            "He punched his ticket to the final.",
            "Politically he stabbed them in the back.",
            // criticism of things rather than people
            "It is useless to argue about the weather.",
            "Putin's puppet government in the region was condemned.",
            "Twitter removed thousands of bots last week.",
            "I hate it when the train is late.",
            "Liberals and conservatives disagree on taxes.",
            "It's a joke, relax.",
            "Херсон освобожден.",
            "Страхуй машину до зими.",
            "Синдром Дауна не болезнь.",
            "Клоун в цирке выступал вчера.",
    })
    void approvesInnocentText(String text) {
        var verdict = ENGINE.evaluate(text);

        assertThat(verdict.decision()).as("%s", verdict.matches()).isEqualTo(Decision.APPROVE);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // name-calling, including the evasions readers use
            "you are a m.o.r.o.n                        | REVIEW",
            "u r a loser                                | REVIEW",
            "what an 1diot                              | REVIEW",
            "you are a pig                              | REVIEW",
            "loser.                                     | REVIEW",
            "you are so boring                          | REVIEW",
            "yeah you really suck                       | REVIEW",
            "disgusting liberals ruin everything        | REVIEW",
            "she is a disgrace to the senate            | REVIEW",
            "you libtard                                | REVIEW",
            "I hate immigrants                          | REVIEW",
            "f*ck you                                   | REVIEW",
            "you're a w h o r e                         | REVIEW",
            "they are subhuman vermin                   | REVIEW",
            "ты даун                                    | REVIEW",
            "иди на х*й                                 | REVIEW",
            "ти підар                                   | REVIEW",
            // threats and death wishes
            "I will punch you in the face               | REVIEW",
            "you should die                             | REVIEW",
            "Die.                                       | REVIEW",
            "k i l l yourself                           | HIDE",
            "I will k1ll you                            | HIDE",
            "they should be shot for treason            | HIDE",
            "kill your mother                           | HIDE",
            "put them against the wall                  | HIDE",
            "убей себя                                  | HIDE",
    })
    void flagsAbuse(String text, Decision decision) {
        var verdict = ENGINE.evaluate(text);

        assertThat(verdict.decision()).as("%s", verdict.matches()).isEqualTo(decision);
        assertThat(verdict.matches()).allSatisfy((Match m) ->
                assertThat(text.substring(m.start(), m.end())).isEqualTo(m.excerpt()));
    }
}
