package news.moderation.service.rules;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A named set of rules and allow phrases, read from YAML:
 *
 * <pre>{@code
 * pack: epithets-en
 * rules:
 *   - id: epithet.dwarf
 *     category: EPITHET
 *     severity: 3
 *     terms: ["the dwarf", "dwarfstan*"]
 * allow: ["white dwarf", "dwarf planet"]
 * }</pre>
 *
 * {@code RulePack.parse("default-en.yml", reader)} validates as it reads and throws
 * {@link RulePackException} naming the source, the rule and the reason.
 */
public record RulePack(String name, List<Rule> rules, List<String> allow) {

    static final int MAX_SEVERITY = 5;

    public RulePack {
        rules = List.copyOf(rules);
        allow = List.copyOf(allow);
    }

    public static RulePack parse(String source, Reader yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new RulePackException(source + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new RulePackException(source + ": expected a mapping with 'pack' and 'rules'");
        }
        var name = string(map.get("pack"));
        if (name == null || name.isBlank()) {
            throw new RulePackException(source + ": 'pack' (the pack's name) is required");
        }
        var rules = new ArrayList<Rule>();
        var ids = new HashSet<String>();
        for (var item : list(source, map.get("rules"), "rules")) {
            var rule = rule(source, item);
            if (!ids.add(rule.id())) {
                throw new RulePackException(source + ": rule '" + rule.id() + "': duplicate id");
            }
            rules.add(rule);
        }
        var allow = new ArrayList<String>();
        for (var phrase : list(source, map.get("allow"), "allow")) {
            var text = string(phrase);
            if (text == null || text.isBlank()) {
                throw new RulePackException(source + ": allow: empty phrase");
            }
            allow.add(text);
        }
        return new RulePack(name, rules, allow);
    }

    private static Rule rule(String source, Object item) {
        if (!(item instanceof Map<?, ?> map)) {
            throw new RulePackException(source + ": rules: each rule must be a mapping");
        }
        var id = string(map.get("id"));
        if (id == null || id.isBlank()) {
            throw new RulePackException(source + ": rules: a rule has no 'id'");
        }
        var where = source + ": rule '" + id + "': ";
        Category category;
        try {
            category = Category.valueOf(String.valueOf(map.get("category")));
        } catch (IllegalArgumentException e) {
            throw new RulePackException(where + "unknown category '" + map.get("category") + "' (allowed: "
                    + Arrays.toString(Category.values()) + ")");
        }
        if (!(map.get("severity") instanceof Integer severity) || severity < 1 || severity > MAX_SEVERITY) {
            throw new RulePackException(where + "severity must be a whole number from 1 to " + MAX_SEVERITY);
        }
        var terms = new ArrayList<String>();
        for (var term : list(where, map.get("terms"), "terms")) {
            var text = string(term);
            if (text == null || text.isBlank() || text.strip().equals("*")) {
                throw new RulePackException(where + "empty term");
            }
            terms.add(text);
        }
        if (terms.isEmpty()) {
            throw new RulePackException(where + "no terms");
        }
        return new Rule(id, category, severity, terms);
    }

    private static List<?> list(String where, Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new RulePackException(where + (where.endsWith(" ") ? "" : ": ") + "'" + field + "' must be a list");
        }
        return list;
    }

    private static String string(Object value) {
        return value instanceof String || value instanceof Number ? String.valueOf(value) : null;
    }
}
