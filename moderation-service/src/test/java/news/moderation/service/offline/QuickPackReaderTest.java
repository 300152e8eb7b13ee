package news.moderation.service.offline;

import news.moderation.service.rules.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuickPackReaderTest {

    static final List<String> DEFAULT_PACKS = RuleSet.DEFAULT_PACKS;

    @ParameterizedTest
    @FieldSource("DEFAULT_PACKS")
    void readsEachDefaultPackExactlyAsTheEngineDoes(String resource) throws IOException {
        String text;
        try (var stream = getClass().getClassLoader().getResourceAsStream(resource)) {
            text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }

        var quick = QuickPackReader.read(text);
        var engine = RulePack.parse(resource, new StringReader(text));

        assertThat(quick).isEqualTo(engine);
        assertThat(quick.rules()).isNotEmpty();
    }

    @Test
    void readsEveryConstructTheSubsetAllows() {
        var yaml = """
                # a comment
                pack: p   # trailing comment
                version: "1.0"
                rules:
                  - id: a
                    category: insult
                    severity: 2
                    terms: [x1, "y 2", 'it''s', "*z*"]
                    requires:
                      - before: [the,
                                 this]   # split over lines
                        within: 2
                    unless:
                      - after: [of]
                  - id: b
                    category: spam
                    severity: 3
                    regex: "\\\\bfree\\\\b"
                    when: ["free"]
                    description: plain text, with commas and 'quotes'
                allow:
                  - white x1
                structural:
                  - {id: s, kind: shouting, category: shouting, severity: 1, minimum: 20,
                     threshold: 0.9}
                """;

        assertThat(QuickPackReader.read(yaml)).isEqualTo(RulePack.parse("p.yml", new StringReader(yaml)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "pack: p\nrules:\n  - &anchor {id: a, category: insult, severity: 2, terms: [x]}",
            "pack: p\ndescription: |\n  block scalar\n",
            "pack: p\nrules: [{id: a, category: insult, severity: 2, terms: [*alias]}]",
            "pack: p\nrules:\n\t- id: a",
            "pack: p\nrules:\n  - {id: a, category: rude, severity: 2, terms: [x]}",
            "pack: p\nrules:\n  - {id: a, category: insult, severity: 9, terms: [x]}",
            "pack: p\nrules:\n  - {id: a, category: insult, severity: 2}",
            "pack: p\nunknown: 1",
            "rules: []",
            "pack: p\npack: q",
    })
    void givesUpOnAnythingElseSoTheEngineReaderDecides(String yaml) {
        assertThatThrownBy(() -> QuickPackReader.read(yaml)).isInstanceOf(QuickPackReader.Unsupported.class);
    }
}
