package news.moderation.service.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"default-en", "default-ru", "default-uk"})
    void theBuildsCompiledDefaultPackIsTheSamePackAsItsYaml(String name) throws IOException {
        var loader = getClass().getClassLoader();
        RulePack fromYaml;
        try (var yaml = loader.getResourceAsStream("rules/" + name + ".yml")) {
            fromYaml = RulePack.parse(name + ".yml", new InputStreamReader(yaml, StandardCharsets.UTF_8));
        }
        try (var compiled = loader.getResourceAsStream("rules/" + name + ".pack")) {
            assertThat(compiled).as("rules/%s.pack, written by the build (process-classes)", name).isNotNull();
            var decoded = PackCodec.read(compiled);
            assertThat(decoded).isEqualTo(fromYaml);
            assertThat(RuleEngine.of(List.of(decoded), new Thresholds(2, 5)).version())
                    .isEqualTo(RuleEngine.of(List.of(fromYaml), new Thresholds(2, 5)).version());
        }
    }

    @Test
    void everyKindOfFieldSurvivesTheRoundTrip() throws IOException {
        var pack = RulePack.parse("all.yml", new StringReader("""
                pack: all
                version: "7"
                rules:
                  - id: a
                    category: epithet
                    severity: 3
                    terms: [dwarf, "*стан"]
                    requires: [{before: [the, little], within: 1}]
                    unless: [{after: [planet], within: 2}]
                  - {id: b, category: threat, severity: 5, regex: '\\\\bshot\\\\b', caseSensitive: true}
                allow: [white dwarf, "Ж"]
                structural:
                  - {id: shouting, kind: shouting, category: shouting, severity: 2, minimum: 30, threshold: 0.8}
                """));

        assertThat(roundTrip(pack)).isEqualTo(pack);
    }

    @Test
    void aStreamThatIsNotACompiledPackIsRefused() throws IOException {
        var bytes = encode(RulePack.parse("p.yml", new StringReader("pack: p\nrules: []")));

        assertThatThrownBy(() -> PackCodec.read(new ByteArrayInputStream("pack: p".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("not a compiled rule pack");
        assertThatThrownBy(() -> PackCodec.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 2))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PackCodec.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length + 1))))
                .isInstanceOf(IOException.class).hasMessageContaining("trailing");
    }

    static RulePack roundTrip(RulePack pack) throws IOException {
        return PackCodec.read(new ByteArrayInputStream(encode(pack)));
    }

    static byte[] encode(RulePack pack) throws IOException {
        var out = new ByteArrayOutputStream();
        PackCodec.write(pack, out);
        return out.toByteArray();
    }
}
