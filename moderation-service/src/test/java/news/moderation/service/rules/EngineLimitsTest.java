package news.moderation.service.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Classes of text the engine once read wrongly, one row per class and language: context words read as
 * terms are, phrases as context, which hit suppresses which, one-letter words next to split words, and
 * leetspeak at the end of a word. Rows use the default packs where they have a rule for it, else a small
 * pack written for this test.
 */
class EngineLimitsTest {

    static final RuleEngine DEFAULTS = DefaultPacks.ENGINE;

    /** Rules the default packs have no counterpart of, in English, Russian and Ukrainian. */
    static final RuleEngine LIMITS = RuleEngine.of(List.of(RulePack.parse("limits-test.yml", new StringReader("""
            pack: limits-test
            version: "1"
            rules:
              # a context phrase, not two context words
              - id: limits.phrase-en
                category: threat
                severity: 5
                terms: [hanged]
                requires: [{before: ["should be"], within: 1}]
              - id: limits.phrase-ru
                category: threat
                severity: 5
                terms: [повесить]
                requires: [{before: ["надо бы"], within: 1}]
              - id: limits.phrase-uk
                category: threat
                severity: 5
                terms: [повісити]
                requires: [{before: ["треба було"], within: 1}]
              # a longer hit whose context fails next to a shorter one whose context holds
              - id: limits.covered-en
                category: insult
                severity: 3
                terms: [liar, "liar liar"]
                unless: [{after: [pants], within: 1}]
              - id: limits.covered-ru
                category: insult
                severity: 3
                terms: [лжец, "лжец лжец"]
                unless: [{after: [штаны], within: 1}]
              - id: limits.covered-uk
                category: insult
                severity: 3
                terms: [брехун, "брехун брехун"]
                unless: [{after: [штани], within: 1}]
              # a context word in Ukrainian
              - id: limits.context-uk
                category: insult
                severity: 3
                terms: [свиня]
                requires: [{before: [ти, "яка ж"], within: 1}]
            """))), DefaultPacks.THRESHOLDS);

    @ParameterizedTest(name = "[{index}] {0} -> {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            // (a) context words are read as terms are: stretched, leetspeak, look-alikes of the other script
            "the littttle dwarf again           | epithet.dwarf  | littttle dwarf",
            "the  dwaaarf again                 | epithet.dwarf  | the  dwaaarf",
            "l1ttle dwarf                       | epithet.dwarf  | l1ttle dwarf",
            "thе dwarf again                    | epithet.dwarf  | thе dwarf",           // Cyrillic е in "the"
            "этоооот карлик опять врёт          | epithet.karlik | этоооот карлик",
            "эtот карлик опять врёт             | epithet.karlik | эtот карлик",         // Latin t in "этот"
            // (d) a one-letter word next to a split word stays a word: "u r a loser", "a idiot", "я тебя убью"
            "u r a l.o.s.e.r                    | insult.directed | r a l.o.s.e.r",
            "you are a i.d.i.o.t                | insult.general  | i.d.i.o.t",
            "I f.u.c.k.i.n.g hate it            | profanity.strong | f.u.c.k.i.n.g",
            "я т.е.б.я у.б.ь.ю                  | threat.ru       | у.б.ь.ю",
            "а к.у.р.в.а                        | profanity.uk    | к.у.р.в.а",
            // (e) $ and @ ending a word with letters are letters
            "what an a$$                        | profanity.strong | a$$",
            "ну ты и сук@                       | profanity.mat    | сук@",
            "ну ти й курв@                      | profanity.uk     | курв@",
    })
    void defaultPacksReadTheseAsAbuse(String text, String ruleId, String excerpt) {
        var matches = DEFAULTS.evaluate(text).matches();

        assertThat(matches).filteredOn(m -> m.ruleId().equals(ruleId)).extracting(Match::excerpt).containsExactly(excerpt);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // (e) punctuation, signs and amounts at the end of a word stay what they are
            "idiot!! | idiot",
            "$5 | 5",
            "C++ and A+ | c and a",
            "5€ | 5",
            "a$$ | as",                           // "ass": the run of s is stored once, with its length
            "a$$hole | ashole",
            "sh!t | shit",
            // (d) real one-letter words next to split words; letters spaced out alike still join
            "a d.w.a.r.f | a dwarf",
            "a d. w. a. r. f | a dwarf",
            "u r a l.o.s.e.r | u r a loser",
            "d.w.a.r.f. I said | dwarf i said",
            "f.u.c.k u | fuck u",
            "f u c k | fuck",
            "I a m | iam",
            "U.S.A. a country | usa a country",
    })
    void normalizesOneLetterWordsAndWordEndingsSensibly(String text, String expected) {
        assertThat(TextNormalizer.normalize(text).text().strip()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // (b) a context phrase holds only as a phrase
            "Traitors like him should be hanged        | limits.phrase-en | should be hanged",
            "He will be hanged, the court said         | -                |",
            "его надо бы повесить                      | limits.phrase-ru | надо бы повесить",
            "бы повесить картину                       | -                |",
            "їх треба було повісити                    | limits.phrase-uk | треба було повісити",
            "було повісити картину                     | -                |",
            // (c) a shorter hit whose context holds survives a longer one whose context fails
            "liar liar pants on fire                   | limits.covered-en | liar",
            "you liar liar                             | limits.covered-en | liar liar",
            "лжец лжец штаны горят                     | limits.covered-ru | лжец",
            "брехун брехун штани горять                | limits.covered-uk | брехун",
            // (a) in Ukrainian: a stretched context word, a Latin look-alike in it, a context phrase
            "тиии свиня                                | limits.context-uk | тиии свиня",
            "якa ж свиня                               | limits.context-uk | якa ж свиня", // Latin a in "яка"
            "яка ж свиня                               | limits.context-uk | яка ж свиня",
            "ж свиня                                   | -                 |",
    })
    void contextPhrasesAndSuppressionFollowTheRules(String text, String ruleId, String excerpt) {
        var matches = LIMITS.evaluate(text).matches();

        if (ruleId.equals("-")) {
            assertThat(matches).isEmpty();
        } else {
            assertThat(matches).extracting(Match::ruleId, Match::excerpt).containsExactly(tuple(ruleId, excerpt));
        }
    }
}
