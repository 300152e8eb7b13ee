package news.moderation.service.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RulePackTest {

    static Stream<Arguments> invalidPacks() {
        return Stream.of(
                arguments("pack: p\nrules: [{id: a, category: RUDE, severity: 2, terms: [x]}]",
                        "rule 'a': unknown category 'RUDE'"),
                arguments("pack: p\nrules: [{id: a, category: INSULT, severity: 9, terms: [x]}]",
                        "rule 'a': severity must be"),
                arguments("pack: p\nrules: [{id: a, category: INSULT, severity: 2, terms: ['  ']}]",
                        "rule 'a': empty term"),
                arguments("pack: p\nrules: [{id: a, category: INSULT, severity: 2, terms: []}]",
                        "rule 'a': no terms"),
                arguments("pack: p\nrules: [{id: a, category: INSULT, severity: 2, terms: [x]},"
                        + " {id: a, category: INSULT, severity: 2, terms: [y]}]", "rule 'a': duplicate id"),
                arguments("rules: []", "'pack' (the pack's name) is required"),
                arguments("pack: p\nrules: [{category: INSULT}]", "a rule has no 'id'"),
                arguments("pack: [unclosed", "not valid YAML"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidPacks")
    void invalidPacksAreRefusedWithTheSourceTheRuleAndTheReason(String yaml, String message) {
        assertThatThrownBy(() -> RulePack.parse("extra.yml", new StringReader(yaml)))
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith("extra.yml")
                .hasMessageContaining(message);
    }
}
