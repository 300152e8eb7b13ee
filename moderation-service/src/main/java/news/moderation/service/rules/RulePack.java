package news.moderation.service.rules;

import java.io.Reader;
import java.util.List;

/**
 * A named, versioned set of rules, allow phrases and structural rules, read from YAML:
 *
 * <pre>{@code
 * pack: epithets-en
 * version: "2026.11"
 * rules:
 *   - id: epithet.dwarf
 *     category: epithet
 *     severity: 3
 *     terms: [dwarf, dwarfs]
 *     requires:
 *       - before: [the, little, bald]
 *         within: 1
 *   - id: epithet.russia-ss
 *     category: epithet
 *     severity: 3
 *     caseSensitive: true
 *     terms: ["RuSSia*", "ruSSia*"]
 * allow: ["white dwarf", "dwarf planet"]
 * structural:
 *   - {id: shouting, kind: shouting, category: shouting, severity: 2, minimum: 30, threshold: 0.8}
 * }</pre>
 *
 * {@code RulePack.parse("default-en.yml", reader)} validates as it reads and throws
 * {@link RulePackException} with {@code file:line}, the rule id and the reason.
 */
public record RulePack(String name, String version, List<Rule> rules, List<String> allow,
                       List<StructuralRule> structural) {

    static final int MAX_SEVERITY = 5;

    public RulePack {
        rules = List.copyOf(rules);
        allow = List.copyOf(allow);
        structural = List.copyOf(structural);
    }

    public static RulePack parse(String source, Reader yaml) {
        return RulePackReader.read(source, yaml);
    }
}
