package news.moderation.service.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RulePackTest {

    static Stream<Arguments> invalidPacks() {
        return Stream.of(
                arguments("pack: p\nrules:\n  - id: a\n    category: rude\n    severity: 2\n    terms: [x]",
                        "extra.yml:4: rule 'a': unknown category 'rude'"),
                arguments("pack: p\nrules:\n  - id: a\n    category: insult\n    severity: 9\n    terms: [x]",
                        "extra.yml:5: rule 'a': severity must be a whole number from 1 to 5"),
                arguments("pack: p\nrules:\n  - id: a\n    category: insult\n    severity: 2\n    terms: ['  ']",
                        "extra.yml:6: rule 'a': empty term"),
                arguments("pack: p\nrules:\n  - id: a\n    category: insult\n    severity: 2\n    terms: ['!!!']",
                        "extra.yml:6: rule 'a': term '!!!' has no letters or digits"),
                arguments("pack: p\nrules:\n  - id: a\n    category: insult\n    severity: 2\n    terms: ['a*b']",
                        "rule 'a': term 'a*b': '*' is allowed only at the start or the end"),
                arguments("pack: p\nrules:\n  - id: a\n    category: insult\n    severity: 2\n    regex: '(a'",
                        "extra.yml:6: rule 'a': regex rejected by RE2J"),
                arguments("pack: p\nrules:\n  - id: a\n    category: insult\n    severity: 2\n    regex: '(a)\\1'",
                        "rule 'a': regex rejected by RE2J"),
                arguments("pack: p\nrules:\n  - {id: a, category: insult, severity: 2, terms: [x]}\n"
                        + "  - {id: a, category: insult, severity: 2, terms: [y]}", "extra.yml:4: rule 'a': duplicate id"),
                arguments("pack: p\nrules:\n  - {id: a, category: insult, severity: 2}", "rule 'a': no terms and no regex"),
                arguments("pack: p\nrules:\n  - {id: a, category: insult, severity: 2, term: [x]}",
                        "extra.yml:3: rule 'a': unknown field 'term'"),
                arguments("pack: p\nrules:\n  - {id: a, category: insult, severity: 2, terms: [x], requires: [{within: 2}]}",
                        "rule 'a': requires: a condition has exactly one of 'before' and 'after'"),
                arguments("rules: []", "extra.yml:1: 'pack' (the pack's name) is required"),
                arguments("pack: p\nrules: [{category: insult}]", "extra.yml:2: a rule has no 'id'"),
                arguments("pack: p\nrules: [unclosed", "extra.yml:2: not valid YAML"),
                arguments("pack: p\nstructural:\n  - {id: s, kind: loud, category: shouting, severity: 2, minimum: 3}",
                        "extra.yml:3: rule 's': unknown kind 'loud'"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidPacks")
    void invalidPacksAreRefusedWithFileLineRuleAndReason(String yaml, String message) {
        assertThatThrownBy(() -> RulePack.parse("extra.yml", new StringReader(yaml)))
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith("extra.yml:")
                .hasMessageContaining(message);
    }

    @Test
    void aValidPackReadsEveryKindOfRule() {
        var pack = RulePack.parse("ok.yml", new StringReader("""
                pack: ok
                version: "7"
                rules:
                  - id: e
                    category: epithet
                    severity: 3
                    terms: [dwarf]
                    requires: [{before: [the], within: 1}]
                    unless: [{after: [planet]}]
                  - {id: r, category: spam, severity: 2, regex: 'buy\\s+now', when: [buy]}
                allow: [dwarf planet]
                structural:
                  - {id: loud, kind: shouting, category: shouting, severity: 2, minimum: 20, threshold: 0.9}
                """));

        assertThat(pack.version()).isEqualTo("7");
        assertThat(pack.rules()).extracting(Rule::id).containsExactly("e", "r");
        assertThat(pack.rules().get(0).requires()).containsExactly(
                new ContextCondition(ContextCondition.Side.BEFORE, List.of("the"), 1));
        assertThat(pack.structural()).singleElement().extracting(StructuralRule::threshold).isEqualTo(0.9);
    }

    @Test
    void twoPacksMayNotDefineTheSameRuleId() {
        var one = RulePack.parse("a.yml", new StringReader("pack: a\nrules: [{id: x, category: insult, severity: 2, terms: [y]}]"));
        var two = RulePack.parse("b.yml", new StringReader("pack: b\nrules: [{id: x, category: insult, severity: 2, terms: [z]}]"));

        assertThatThrownBy(() -> RuleEngine.of(List.of(one, two), new Thresholds(2, 5)))
                .hasMessageContaining("rule 'x': duplicate id (also in pack a)");
    }

    @Test
    void theVersionHashReadsPacksAsTheirRecordsPrintThem() {
        // PackText writes toString() out by hand for start-up speed: versions must not change with it
        for (var pack : DefaultPacks.packs()) {
            assertThat(PackText.of(pack)).isEqualTo(pack.toString());
        }
        var everything = RulePack.parse("all.yml", new StringReader("""
                pack: all
                rules:
                  - {id: a, category: insult, severity: 2, terms: ["x*", "y z"], requires: [{before: [p, "q r"], within: 2}],
                     unless: [{after: [s]}]}
                  - {id: b, category: spam, severity: 1, regex: 'a\\s+b', when: [a, b]}
                  - {id: c, category: epithet, severity: 3, caseSensitive: true, terms: [XyZ]}
                allow: [w x]
                structural:
                  - {id: d, kind: shouting, category: shouting, severity: 1, minimum: 20, threshold: 0.75}
                  - {id: e, kind: links, category: spam, severity: 2, minimum: 3}
                """));
        assertThat(PackText.of(everything)).isEqualTo(everything.toString());
    }

    @Test
    void theShippedPacksLoad() {
        assertThat(DefaultPacks.packs()).extracting(RulePack::name).containsExactly("default-en", "default-ru", "default-uk");
    }
}
