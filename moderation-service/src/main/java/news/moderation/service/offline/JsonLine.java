package news.moderation.service.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for one line of JSON (RFC 8259), small enough to cost nothing at start-up, which matters
 * for a command run once per file: values become {@code String}, {@code Double}, {@code Boolean},
 * {@link #NULL}, {@code List} or {@code Map}. Nesting is capped at {@value #MAX_DEPTH} levels.
 */
final class JsonLine {

    /** JSON {@code null}, distinct from an absent field. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    static final int MAX_DEPTH = 64;

    /** Not JSON; the message names what was wrong and the column (from 1). */
    static final class JsonException extends Exception {
        JsonException(String message) {
            super(message);
        }
    }

    private final String s;
    private int i;

    private JsonLine(String s) {
        this.s = s;
    }

    /** Parses a whole line as one JSON value. */
    static Object parse(String line) throws JsonException {
        var reader = new JsonLine(line);
        reader.space();
        var value = reader.value(0);
        reader.space();
        if (reader.i < line.length()) {
            throw reader.error("unexpected " + reader.describe() + " after the value");
        }
        return value;
    }

    /** The field's value if it is a string, else {@code null}. */
    static String string(Map<String, Object> object, String field) {
        return object.get(field) instanceof String value ? value : null;
    }

    /** What a parsed value is, for messages: "a string", "a number", "null"... */
    static String kind(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Double) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Map) {
            return "an object";
        }
        return "null";
    }

    private Object value(int depth) throws JsonException {
        if (i >= s.length()) {
            throw error("unexpected end of line, expected a value");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describe() + ", expected a value");
        }
    }

    private Map<String, Object> object(int depth) throws JsonException {
        checkDepth(depth);
        i++; // {
        var map = new LinkedHashMap<String, Object>();
        space();
        if (peek('}')) {
            i++;
            return map;
        }
        while (true) {
            space();
            if (!peek('"')) {
                throw error("unexpected " + describe() + ", expected a field name in double quotes");
            }
            var key = string();
            space();
            expect(':');
            space();
            var value = value(depth);
            map.put(key, value);
            space();
            if (peek(',')) {
                i++;
                continue;
            }
            if (peek('}')) {
                i++;
                return map;
            }
            throw error("unexpected " + describe() + ", expected ',' or '}'");
        }
    }

    private List<Object> array(int depth) throws JsonException {
        checkDepth(depth);
        i++; // [
        var list = new ArrayList<Object>();
        space();
        if (peek(']')) {
            i++;
            return list;
        }
        while (true) {
            space();
            list.add(value(depth));
            space();
            if (peek(',')) {
                i++;
                continue;
            }
            if (peek(']')) {
                i++;
                return list;
            }
            throw error("unexpected " + describe() + ", expected ',' or ']'");
        }
    }

    private String string() throws JsonException {
        int start = i;
        i++; // "
        StringBuilder out = null;
        int runStart = i;
        while (true) {
            if (i >= s.length()) {
                i = start;
                throw error("string starting here is not closed");
            }
            char c = s.charAt(i);
            if (c == '"') {
                String value = out == null ? s.substring(runStart, i) : out.append(s, runStart, i).toString();
                i++;
                return value;
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c) + " must be escaped in a string");
            }
            if (c != '\\') {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(s, runStart, i);
            if (i + 1 >= s.length()) {
                throw error("unfinished escape");
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 6 > s.length()) {
                        throw error("unfinished \\u escape");
                    }
                    int code = 0;
                    for (int k = i + 2; k < i + 6; k++) {
                        int digit = Character.digit(s.charAt(k), 16);
                        if (digit < 0) {
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> throw error("unknown escape \\" + e);
            }
            i += 2;
            runStart = i;
        }
    }

    private Double number() throws JsonException {
        int start = i;
        if (peek('-')) {
            i++;
        }
        if (peek('0')) {
            i++;
        } else if (digit()) {
            while (digit()) {
                i++;
            }
        } else {
            throw error("bad number");
        }
        if (peek('.')) {
            i++;
            if (!digit()) {
                throw error("bad number: digits must follow '.'");
            }
            while (digit()) {
                i++;
            }
        }
        if (peek('e') || peek('E')) {
            i++;
            if (peek('+') || peek('-')) {
                i++;
            }
            if (!digit()) {
                throw error("bad number: digits must follow the exponent");
            }
            while (digit()) {
                i++;
            }
        }
        return Double.valueOf(s.substring(start, i));
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!s.startsWith(word, i)) {
            throw error("unexpected " + describe() + ", expected a value");
        }
        i += word.length();
        return value;
    }

    private void checkDepth(int depth) throws JsonException {
        if (depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private boolean digit() {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) throws JsonException {
        if (!peek(c)) {
            throw error("unexpected " + describe() + ", expected '" + c + "'");
        }
        i++;
    }

    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else {
                return;
            }
        }
    }

    private String describe() {
        if (i >= s.length()) {
            return "end of line";
        }
        int cp = s.codePointAt(i);
        return Character.isISOControl(cp) || Character.isWhitespace(cp)
                ? String.format("character U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
    }

    private JsonException error(String message) {
        return new JsonException(message + " at column " + (i + 1));
    }
}
