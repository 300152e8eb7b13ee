package news.moderation.service.offline;

import news.moderation.service.rules.Category;
import news.moderation.service.rules.ContextCondition;
import news.moderation.service.rules.Rule;
import news.moderation.service.rules.RulePack;
import news.moderation.service.rules.StructuralRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the shipped default packs without starting a YAML library, which on its own costs a command-line
 * run several hundred milliseconds. It understands only the plain subset of YAML the default packs are
 * written in (block mappings and sequences, flow sequences and mappings, plain and quoted scalars,
 * comments) and builds exactly the {@link RulePack} that {@link RulePack#parse} would; anything else, and
 * anything invalid, makes it give up with {@link Unsupported} so that the caller falls back to
 * {@link RulePack#parse}, which also reports errors with {@code file:line}. The equality of both readings
 * for the default packs is checked by a test.
 */
final class QuickPackReader {

    private static final Set<String> PACK_KEYS = Set.of("pack", "version", "description", "rules", "allow", "structural");
    private static final Set<String> RULE_KEYS = Set.of("id", "category", "severity", "terms", "regex", "caseSensitive",
            "when", "requires", "unless", "description");
    private static final Set<String> CONDITION_KEYS = Set.of("before", "after", "within");
    private static final Set<String> STRUCTURAL_KEYS = Set.of("id", "kind", "category", "severity", "minimum",
            "threshold", "description");

    /** The text is outside the subset, or not a valid pack: read it with {@link RulePack#parse} instead. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private final String s;
    private int pos;
    private int lineStart;

    private QuickPackReader(String text) {
        this.s = text;
    }

    /** @throws Unsupported when the text is not plain enough or not a valid pack */
    static RulePack read(String yaml) {
        if (yaml.indexOf('\t') >= 0 || yaml.indexOf('\r') >= 0) {
            throw new Unsupported("tabs or carriage returns");
        }
        var reader = new QuickPackReader(yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml);
        return pack(reader.document());
    }

    // ------------------------------------------------------------------ YAML subset to maps, lists, strings

    private Object document() {
        skipEmptyLines();
        if (eof()) {
            throw new Unsupported("empty document");
        }
        var value = block(column());
        skipEmptyLines();
        if (!eof()) {
            throw new Unsupported("content after the document at " + pos);
        }
        return value;
    }

    private Object block(int indent) {
        if (peek() == '-' && (pos + 1 >= s.length() || s.charAt(pos + 1) == ' ' || s.charAt(pos + 1) == '\n')) {
            return blockSequence(indent);
        }
        return blockMapping(indent);
    }

    private List<Object> blockSequence(int indent) {
        var list = new ArrayList<Object>();
        while (true) {
            pos++; // '-'
            skipSpaces();
            if (atLineEnd()) {
                skipEmptyLines();
                if (eof() || column() <= indent) {
                    throw new Unsupported("empty sequence item");
                }
                list.add(block(column()));
            } else if (startsMappingKey()) {
                list.add(blockMapping(column()));
            } else {
                list.add(inlineValue());
                endOfLine();
            }
            skipEmptyLines();
            if (eof() || column() < indent) {
                return list;
            }
            if (column() != indent || peek() != '-') {
                throw new Unsupported("bad sequence indentation");
            }
        }
    }

    private Map<String, Object> blockMapping(int indent) {
        var map = new LinkedHashMap<String, Object>();
        while (true) {
            int start = pos;
            while (!eof() && isKeyChar(peek())) {
                pos++;
            }
            if (pos == start || peek() != ':') {
                throw new Unsupported("expected a plain key");
            }
            var key = s.substring(start, pos);
            pos++; // ':'
            if (!eof() && peek() != ' ' && peek() != '\n') {
                throw new Unsupported("no space after ':'");
            }
            skipSpaces();
            Object value;
            if (atLineEnd()) {
                skipEmptyLines();
                if (!eof() && column() > indent) {
                    value = block(column());
                } else if (!eof() && column() == indent && peek() == '-') {
                    value = blockSequence(indent);
                } else {
                    value = "";
                }
            } else {
                value = inlineValue();
                endOfLine();
                skipEmptyLines();
            }
            if (map.put(key, value) != null) {
                throw new Unsupported("duplicate key " + key);
            }
            skipEmptyLines();
            if (eof() || column() < indent) {
                return map;
            }
            if (column() != indent) {
                throw new Unsupported("bad mapping indentation");
            }
        }
    }

    private boolean startsMappingKey() {
        int p = pos;
        while (p < s.length() && isKeyChar(s.charAt(p))) {
            p++;
        }
        return p > pos && p < s.length() && s.charAt(p) == ':'
                && (p + 1 == s.length() || s.charAt(p + 1) == ' ' || s.charAt(p + 1) == '\n');
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private Object inlineValue() {
        char c = peek();
        switch (c) {
            case '[':
                return flowSequence();
            case '{':
                return flowMapping();
            case '"':
                return doubleQuoted();
            case '\'':
                return singleQuoted();
            default:
                return plain(false);
        }
    }

    private List<Object> flowSequence() {
        pos++; // '['
        var list = new ArrayList<Object>();
        skipFlowSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipFlowSpace();
            list.add(flowValue());
            skipFlowSpace();
            char c = next();
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw new Unsupported("expected ',' or ']'");
            }
        }
    }

    private Map<String, Object> flowMapping() {
        pos++; // '{'
        var map = new LinkedHashMap<String, Object>();
        while (true) {
            skipFlowSpace();
            if (peek() == '}' && map.isEmpty()) {
                pos++;
                return map;
            }
            int start = pos;
            while (!eof() && isKeyChar(peek())) {
                pos++;
            }
            if (pos == start || peek() != ':') {
                throw new Unsupported("expected a plain key in a flow mapping");
            }
            var key = s.substring(start, pos);
            pos++;
            skipFlowSpace();
            if (map.put(key, flowValue()) != null) {
                throw new Unsupported("duplicate key " + key);
            }
            skipFlowSpace();
            char c = next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw new Unsupported("expected ',' or '}'");
            }
        }
    }

    private Object flowValue() {
        char c = peek();
        switch (c) {
            case '[':
                return flowSequence();
            case '{':
                return flowMapping();
            case '"':
                return doubleQuoted();
            case '\'':
                return singleQuoted();
            default:
                return plain(true);
        }
    }

    private String plain(boolean flow) {
        if (eof()) {
            throw new Unsupported("missing value");
        }
        char first = peek();
        if ("&*!|>%@`?#-,[]{}\"'".indexOf(first) >= 0 || first == ' ' || first == '\n') {
            throw new Unsupported("plain scalar starting with an indicator");
        }
        int start = pos;
        while (!eof()) {
            char c = peek();
            if (c == '\n' || (flow && (c == ',' || c == ']' || c == '}'))) {
                break;
            }
            if (c == '#' && s.charAt(pos - 1) == ' ') {
                break;
            }
            if (c == ':' && (pos + 1 == s.length() || " \n,]}".indexOf(s.charAt(pos + 1)) >= 0)) {
                throw new Unsupported("':' in a plain scalar");
            }
            pos++;
        }
        var text = s.substring(start, pos).stripTrailing();
        if (text.isEmpty()) {
            throw new Unsupported("empty plain scalar");
        }
        return text;
    }

    private String doubleQuoted() {
        pos++; // '"'
        var out = new StringBuilder();
        while (true) {
            if (eof()) {
                throw new Unsupported("unclosed string");
            }
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c == '\n') {
                throw new Unsupported("multi-line string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (eof()) {
                throw new Unsupported("unfinished escape");
            }
            char e = next();
            switch (e) {
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case '/' -> out.append('/');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw new Unsupported("short \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new Unsupported("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw new Unsupported("escape \\" + e);
            }
        }
    }

    private String singleQuoted() {
        pos++; // '\''
        var out = new StringBuilder();
        while (true) {
            if (eof()) {
                throw new Unsupported("unclosed string");
            }
            char c = next();
            if (c == '\n') {
                throw new Unsupported("multi-line string");
            }
            if (c == '\'') {
                if (!eof() && peek() == '\'') {
                    pos++;
                    out.append('\'');
                    continue;
                }
                return out.toString();
            }
            out.append(c);
        }
    }

    /** After an inline value: only spaces and a comment may follow on the line. */
    private void endOfLine() {
        skipSpaces();
        if (!atLineEnd()) {
            throw new Unsupported("trailing content at " + pos);
        }
    }

    private boolean atLineEnd() {
        return eof() || peek() == '\n' || (peek() == '#' && (pos == 0 || s.charAt(pos - 1) == ' '));
    }

    /** Skips the rest of the current line if blank or a comment, then blank and comment lines; stops at content. */
    private void skipEmptyLines() {
        while (!eof()) {
            skipSpaces();
            if (eof()) {
                return;
            }
            char c = peek();
            if (c == '#') {
                while (!eof() && peek() != '\n') {
                    pos++;
                }
            }
            if (!eof() && peek() == '\n') {
                pos++;
                lineStart = pos;
                continue;
            }
            return;
        }
    }

    /** Spaces, newlines and comments inside a flow collection. */
    private void skipFlowSpace() {
        while (!eof()) {
            char c = peek();
            if (c == ' ') {
                pos++;
            } else if (c == '\n') {
                pos++;
                lineStart = pos;
            } else if (c == '#' && s.charAt(pos - 1) == ' ') {
                while (!eof() && peek() != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void skipSpaces() {
        while (!eof() && peek() == ' ') {
            pos++;
        }
    }

    private int column() {
        return pos - lineStart;
    }

    private boolean eof() {
        return pos >= s.length();
    }

    private char peek() {
        return eof() ? '\0' : s.charAt(pos);
    }

    private char next() {
        if (eof()) {
            throw new Unsupported("unexpected end");
        }
        return s.charAt(pos++);
    }

    // ------------------------------------------------------------------ maps, lists, strings to a pack

    private static RulePack pack(Object root) {
        var fields = mapping(root, PACK_KEYS);
        var name = scalar(fields.get("pack"));
        if (name == null || name.isBlank()) {
            throw new Unsupported("no pack name");
        }
        var version = scalar(fields.get("version"));
        var rules = new ArrayList<Rule>();
        for (var node : list(fields.get("rules"))) {
            rules.add(rule(node));
        }
        var allow = new ArrayList<String>();
        for (var node : list(fields.get("allow"))) {
            var phrase = scalar(node);
            if (phrase == null || phrase.isBlank()) {
                throw new Unsupported("empty allow phrase");
            }
            allow.add(phrase);
        }
        var structural = new ArrayList<StructuralRule>();
        for (var node : list(fields.get("structural"))) {
            structural.add(structural(node));
        }
        return new RulePack(name, version == null ? "0" : version, rules, allow, structural);
    }

    private static Rule rule(Object node) {
        var fields = mapping(node, RULE_KEYS);
        var id = required(fields, "id");
        var terms = new ArrayList<String>();
        for (var term : list(fields.get("terms"))) {
            var text = scalar(term);
            if (text == null || text.isBlank()) {
                throw new Unsupported("empty term");
            }
            terms.add(text.strip());
        }
        var when = new ArrayList<String>();
        for (var literal : list(fields.get("when"))) {
            var text = scalar(literal);
            if (text == null || text.isEmpty()) {
                throw new Unsupported("empty when");
            }
            when.add(text);
        }
        var caseSensitive = scalar(fields.get("caseSensitive"));
        if (caseSensitive != null && !caseSensitive.equals("true") && !caseSensitive.equals("false")) {
            throw new Unsupported("caseSensitive");
        }
        var regex = scalar(fields.get("regex"));
        if (terms.isEmpty() == (regex == null)) {
            throw new Unsupported("terms or regex");
        }
        return new Rule(id, category(fields), severity(fields), terms, regex, "true".equals(caseSensitive), when,
                conditions(fields.get("requires")), conditions(fields.get("unless")));
    }

    private static List<ContextCondition> conditions(Object node) {
        var conditions = new ArrayList<ContextCondition>();
        for (var item : list(node)) {
            var fields = mapping(item, CONDITION_KEYS);
            var before = fields.get("before");
            var after = fields.get("after");
            if ((before == null) == (after == null)) {
                throw new Unsupported("before or after");
            }
            var words = new ArrayList<String>();
            for (var word : list(before != null ? before : after)) {
                var text = scalar(word);
                if (text == null || text.isBlank()) {
                    throw new Unsupported("empty context word");
                }
                words.add(text.strip());
            }
            if (words.isEmpty()) {
                throw new Unsupported("no context words");
            }
            int within = fields.containsKey("within") ? integer(fields.get("within")) : 1;
            if (within < 1 || within > 10) {
                throw new Unsupported("within");
            }
            conditions.add(new ContextCondition(before != null ? ContextCondition.Side.BEFORE : ContextCondition.Side.AFTER,
                    words, within));
        }
        return conditions;
    }

    private static StructuralRule structural(Object node) {
        var fields = mapping(node, STRUCTURAL_KEYS);
        var id = required(fields, "id");
        StructuralRule.Kind kind;
        try {
            kind = StructuralRule.Kind.valueOf(String.valueOf(scalar(fields.get("kind"))).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unsupported("kind");
        }
        int minimum = fields.containsKey("minimum") ? integer(fields.get("minimum")) : 0;
        if (minimum < 1) {
            throw new Unsupported("minimum");
        }
        double threshold = 0;
        if (kind == StructuralRule.Kind.SHOUTING) {
            try {
                threshold = Double.parseDouble(String.valueOf(scalar(fields.get("threshold"))));
            } catch (NumberFormatException e) {
                throw new Unsupported("threshold");
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw new Unsupported("threshold");
            }
        }
        return new StructuralRule(id, kind, category(fields), severity(fields), minimum, threshold);
    }

    private static Category category(Map<String, Object> fields) {
        try {
            return Category.valueOf(String.valueOf(scalar(fields.get("category"))).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unsupported("category");
        }
    }

    private static int severity(Map<String, Object> fields) {
        if (!fields.containsKey("severity")) {
            throw new Unsupported("severity");
        }
        int severity = integer(fields.get("severity"));
        if (severity < 1 || severity > 5) {
            throw new Unsupported("severity");
        }
        return severity;
    }

    private static int integer(Object node) {
        try {
            return Integer.parseInt(String.valueOf(scalar(node)));
        } catch (NumberFormatException e) {
            throw new Unsupported("not a whole number");
        }
    }

    private static String required(Map<String, Object> fields, String key) {
        var value = scalar(fields.get(key));
        if (value == null || value.isBlank()) {
            throw new Unsupported("missing " + key);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object node, Set<String> allowed) {
        if (!(node instanceof Map)) {
            throw new Unsupported("expected a mapping");
        }
        var map = (Map<String, Object>) node;
        if (!allowed.containsAll(map.keySet())) {
            throw new Unsupported("unknown field");
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        if (node == null || "".equals(node)) {
            return List.of();
        }
        if (node instanceof List) {
            return (List<Object>) node;
        }
        throw new Unsupported("expected a list");
    }

    private static String scalar(Object node) {
        if (node == null) {
            return null;
        }
        if (node instanceof String text) {
            return text;
        }
        throw new Unsupported("expected a single value");
    }
}
