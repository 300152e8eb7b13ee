package news.moderation.service.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a pack from YAML nodes so every error can name the line it is on. */
final class RulePackReader {

    private static final Set<String> PACK_KEYS = Set.of("pack", "version", "description", "rules", "allow", "structural");
    private static final Set<String> RULE_KEYS = Set.of("id", "category", "severity", "terms", "regex", "caseSensitive",
            "when", "requires", "unless", "description");
    private static final Set<String> CONDITION_KEYS = Set.of("before", "after", "within");
    private static final Set<String> STRUCTURAL_KEYS = Set.of("id", "kind", "category", "severity", "minimum", "threshold",
            "description");
    private static final int MAX_WITHIN = 10;

    private final String source;
    /** One normalizer for every term of the pack: a fresh one per term would allocate its buffers each time. */
    private final TextNormalizer normalizer = new TextNormalizer();

    private RulePackReader(String source) {
        this.source = source;
    }

    static RulePack read(String source, Reader yaml) {
        Node root;
        try {
            root = compose(yaml);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new RulePackException(source + ":" + (mark == null ? 1 : mark.getLine() + 1) + ": not valid YAML: "
                    + e.getProblem());
        } catch (YAMLException e) {
            throw new RulePackException(source + ":1: not valid YAML: " + e.getMessage());
        }
        return new RulePackReader(source).pack(root);
    }

    /**
     * The document's node tree, as {@code new Yaml().compose(yaml)} gives it, without what that loads and
     * does for turning nodes into objects: every value is read here as a string, so scalars need no
     * implicit types (matched by regexes, scalar by scalar). It matters to a command-line start.
     */
    private static Node compose(Reader yaml) {
        var options = new LoaderOptions();
        var parser = new ParserImpl(new StreamReader(yaml), options);
        return new Composer(parser, new PlainResolver(), options).getSingleNode();
    }

    /** Tags every plain scalar as a string: the reader checks numbers and booleans itself. */
    private static final class PlainResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
        }
    }

    private RulePack pack(Node root) {
        if (!(root instanceof MappingNode)) {
            throw error(root, null, "expected a mapping with 'pack' and 'rules'");
        }
        var fields = fields(root, PACK_KEYS, null);
        var name = string(fields.get("pack"), null, "pack");
        if (name == null || name.isBlank()) {
            throw error(root, null, "'pack' (the pack's name) is required");
        }
        var version = string(fields.get("version"), null, "version");
        var rules = new ArrayList<Rule>();
        var ids = new HashSet<String>();
        for (var node : list(fields.get("rules"), null, "rules")) {
            var rule = rule(node);
            if (!ids.add(rule.id())) {
                throw error(node, rule.id(), "duplicate id");
            }
            rules.add(rule);
        }
        var allow = new ArrayList<String>();
        for (var node : list(fields.get("allow"), null, "allow")) {
            var phrase = string(node, null, "allow");
            if (phrase == null || phrase.isBlank()) {
                throw error(node, null, "allow: empty phrase");
            }
            checkTerm(node, null, phrase, "allow phrase");
            allow.add(phrase);
        }
        var structural = new ArrayList<StructuralRule>();
        for (var node : list(fields.get("structural"), null, "structural")) {
            var rule = structural(node);
            if (!ids.add(rule.id())) {
                throw error(node, rule.id(), "duplicate id");
            }
            structural.add(rule);
        }
        return new RulePack(name, version == null ? "0" : version, rules, allow, structural);
    }

    private Rule rule(Node node) {
        if (!(node instanceof MappingNode)) {
            throw error(node, null, "each rule must be a mapping");
        }
        var id = string(fieldsUnchecked(node).get("id"), null, "id");
        if (id == null || id.isBlank()) {
            throw error(node, null, "a rule has no 'id'");
        }
        var fields = fields(node, RULE_KEYS, id);
        var category = category(fields.get("category"), node, id);
        int severity = severity(fields.get("severity"), node, id);
        boolean caseSensitive = bool(fields.get("caseSensitive"), id, "caseSensitive");
        var terms = new ArrayList<String>();
        for (var term : list(fields.get("terms"), id, "terms")) {
            var text = string(term, id, "terms");
            if (text == null || text.isBlank() || text.strip().replace("*", "").isBlank()) {
                throw error(term, id, "empty term");
            }
            checkTerm(term, id, text, "term");
            terms.add(text.strip());
        }
        var regex = string(fields.get("regex"), id, "regex");
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw error(fields.get("regex"), id, "regex rejected by RE2J: " + e.getMessage());
            }
        }
        if (terms.isEmpty() && regex == null) {
            throw error(node, id, "no terms and no regex");
        }
        if (!terms.isEmpty() && regex != null) {
            throw error(node, id, "give either terms or a regex, not both");
        }
        var when = new ArrayList<String>();
        for (var literal : list(fields.get("when"), id, "when")) {
            var text = string(literal, id, "when");
            if (text == null || text.isEmpty()) {
                throw error(literal, id, "empty 'when' literal");
            }
            when.add(text);
        }
        return new Rule(id, category, severity, terms, regex, caseSensitive, when,
                conditions(fields.get("requires"), id, "requires"), conditions(fields.get("unless"), id, "unless"));
    }

    private List<ContextCondition> conditions(Node node, String id, String field) {
        var conditions = new ArrayList<ContextCondition>();
        for (var item : list(node, id, field)) {
            if (!(item instanceof MappingNode)) {
                throw error(item, id, field + ": each condition is a mapping with 'before' or 'after'");
            }
            var fields = fields(item, CONDITION_KEYS, id);
            var before = fields.get("before");
            var after = fields.get("after");
            if ((before == null) == (after == null)) {
                throw error(item, id, field + ": a condition has exactly one of 'before' and 'after'");
            }
            var side = before != null ? ContextCondition.Side.BEFORE : ContextCondition.Side.AFTER;
            var words = new ArrayList<String>();
            for (var word : list(before != null ? before : after, id, field)) {
                var text = string(word, id, field);
                if (text == null || text.isBlank() || text.replace("*", "").isBlank()) {
                    throw error(word, id, field + ": empty context word");
                }
                checkTerm(word, id, text, "context word");
                words.add(text.strip());
            }
            if (words.isEmpty()) {
                throw error(item, id, field + ": no context words");
            }
            int within = fields.containsKey("within") ? integer(fields.get("within"), id, "within") : 1;
            if (within < 1 || within > MAX_WITHIN) {
                throw error(fields.get("within"), id, "within must be from 1 to " + MAX_WITHIN);
            }
            conditions.add(new ContextCondition(side, words, within));
        }
        return conditions;
    }

    private StructuralRule structural(Node node) {
        if (!(node instanceof MappingNode)) {
            throw error(node, null, "each structural rule must be a mapping");
        }
        var id = string(fieldsUnchecked(node).get("id"), null, "id");
        if (id == null || id.isBlank()) {
            throw error(node, null, "a structural rule has no 'id'");
        }
        var fields = fields(node, STRUCTURAL_KEYS, id);
        StructuralRule.Kind kind;
        var kindText = string(fields.get("kind"), id, "kind");
        try {
            kind = StructuralRule.Kind.valueOf(String.valueOf(kindText).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(fields.getOrDefault("kind", node), id, "unknown kind '" + kindText + "' (allowed: shouting, links, repeated)");
        }
        var minimum = fields.containsKey("minimum") ? integer(fields.get("minimum"), id, "minimum") : 0;
        if (minimum < 1) {
            throw error(fields.getOrDefault("minimum", node), id, "minimum must be a whole number of at least 1");
        }
        double threshold = 0;
        if (kind == StructuralRule.Kind.SHOUTING) {
            var text = string(fields.get("threshold"), id, "threshold");
            try {
                threshold = Double.parseDouble(String.valueOf(text));
            } catch (NumberFormatException e) {
                threshold = -1;
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw error(fields.getOrDefault("threshold", node), id, "threshold must be a share above 0 and at most 1");
            }
        }
        return new StructuralRule(id, kind, category(fields.get("category"), node, id),
                severity(fields.get("severity"), node, id), minimum, threshold);
    }

    private void checkTerm(Node node, String id, String text, String what) {
        var core = text.strip();
        if (core.startsWith("*")) {
            core = core.substring(1);
        }
        if (core.endsWith("*")) {
            core = core.substring(0, core.length() - 1);
        }
        if (core.contains("*")) {
            throw error(node, id, what + " '" + text + "': '*' is allowed only at the start or the end");
        }
        if (normalizer.normalize(core, false).length <= 1) {
            throw error(node, id, what + " '" + text + "' has no letters or digits");
        }
    }

    private Category category(Node node, Node parent, String id) {
        var text = string(node, id, "category");
        try {
            return Category.fromPackName(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw error(node == null ? parent : node, id, "unknown category '" + text + "' (allowed: "
                    + Arrays.stream(Category.values()).map(Category::packName).toList() + ")");
        }
    }

    private int severity(Node node, Node parent, String id) {
        if (node == null) {
            throw error(parent, id, "severity is required: a whole number from 1 to " + RulePack.MAX_SEVERITY);
        }
        int severity = integer(node, id, "severity");
        if (severity < 1 || severity > RulePack.MAX_SEVERITY) {
            throw error(node, id, "severity must be a whole number from 1 to " + RulePack.MAX_SEVERITY);
        }
        return severity;
    }

    private int integer(Node node, String id, String field) {
        var text = string(node, id, field);
        try {
            return Integer.parseInt(String.valueOf(text));
        } catch (NumberFormatException e) {
            throw error(node, id, field + " must be a whole number");
        }
    }

    private boolean bool(Node node, String id, String field) {
        if (node == null) {
            return false;
        }
        var text = string(node, id, field);
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        throw error(node, id, field + " must be true or false");
    }

    private Map<String, Node> fields(Node node, Set<String> allowed, String id) {
        var fields = fieldsUnchecked(node);
        for (var tuple : ((MappingNode) node).getValue()) {
            var key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), id, "unknown field '" + key + "' (allowed: " + allowed.stream().sorted().toList() + ")");
            }
        }
        return fields;
    }

    private Map<String, Node> fieldsUnchecked(Node node) {
        var fields = new LinkedHashMap<String, Node>();
        for (var tuple : ((MappingNode) node).getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), null, "keys must be plain names");
            }
            fields.put(key.getValue(), tuple.getValueNode());
        }
        return fields;
    }

    private List<Node> list(Node node, String id, String field) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            return List.of();
        }
        throw error(node, id, "'" + field + "' must be a list");
    }

    private String string(Node node, String id, String field) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(node, id, "'" + field + "' must be a single value");
    }

    private RulePackException error(Node node, String id, String reason) {
        int line = node == null ? 1 : node.getStartMark().getLine() + 1;
        return new RulePackException(source + ":" + line + ": " + (id == null ? "" : "rule '" + id + "': ") + reason);
    }
}
