package news.moderation.service.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a text must contain for a regex (RE2J syntax) to match it, worked out from the regex's text so that
 * the engine can skip running it on most comments: RE2J needs microseconds even to fail on a comment,
 * because its NFA starts every thread of a big alternation before reading a character.
 *
 * <ul>
 *   <li>{@link #factors}: literal sets every match contains one of, e.g. {@code (die|drop dead|kys)};
 *       matched case-insensitively (a superset of what the regex matches); with {@link Factor#wordStart}
 *       and {@link Factor#wordEnd} when the regex puts {@code \b}, {@code \s} or an anchor next to them,
 *       so that {@code \s+(pigs?|rats?)\b} needs "rat" as a word, not inside "democrats".</li>
 *   <li>{@link #maxWordChars}: for a regex anchored at both ends ({@code ^...$}, no multi-line flag), the
 *       most letters and digits a whole text it matches can hold: a reply that is nothing but an insult
 *       has a few words, a comment of three hundred characters is never one.</li>
 *   <li>{@link #window} and {@link #windowWordChars}: for a regex anchored at the start only, a factor that
 *       every match holds within its first letters and digits, which are then the text's first ones:
 *       {@code ^[\s\p{P}]*(?:(?:just|now)\s+)?(die|kys)(?:\s+\w+)*$} needs "die" or "kys" within the
 *       text's first 8 letters, so the check reads a few chars instead of the whole comment.</li>
 * </ul>
 *
 * This is an optimisation that must never change a result: any construct the reader does not know, or
 * any doubt, gives "no requirement" for that part (the regex then runs as before). Only what is certain
 * is kept: a literal is required only where every match must contain it, and a character counts as
 * holding no letter or digit only when no letter or digit can match it.
 */
final class RegexRequirements {

    /** One of {@code literals} (lower case) occurs; as a whole word at the start/end when flagged. */
    record Factor(List<String> literals, boolean wordStart, boolean wordEnd) {
        /** Identifies equal factors without the record's generated equals (slow to set up at start-up). */
        String key() {
            return (wordStart ? "<" : "") + String.join("\u0000", literals) + (wordEnd ? ">" : "");
        }
    }

    static final int UNBOUNDED = Integer.MAX_VALUE;
    /** Literal sets larger than this are not worth keeping exact. */
    private static final int MAX_SET = 128;
    /** Literals shorter than this occur in nearly every text: not worth checking. */
    private static final int MIN_LITERAL = 2;

    static final RegexRequirements NONE = new RegexRequirements(List.of(), UNBOUNDED, null, UNBOUNDED);

    final List<Factor> factors;
    final int maxWordChars;
    /** A factor every match holds within the text's first {@link #windowWordChars} letters and digits, or null. */
    final Factor window;
    final int windowWordChars;

    private RegexRequirements(List<Factor> factors, int maxWordChars, Factor window, int windowWordChars) {
        this.factors = factors;
        this.maxWordChars = maxWordChars;
        this.window = window;
        this.windowWordChars = windowWordChars;
    }

    static RegexRequirements of(String regex) {
        try {
            var parser = new Parser(regex);
            var node = parser.alternation();
            if (parser.pos != regex.length()) {
                return NONE;
            }
            var all = new ArrayList<Factor>(node.required);
            if (node.exact != null && !node.exact.contains("")) {
                all.add(factor(node.exact, false, false));
            }
            // one of each; the same literals as (part of) a word make them without boundaries redundant
            var bounded = new HashSet<List<String>>();
            for (var f : all) {
                if (f != null && (f.wordStart() || f.wordEnd())) {
                    bounded.add(f.literals());
                }
            }
            var factors = new ArrayList<Factor>();
            var keys = new HashSet<String>();
            for (var f : all) {
                boolean redundant = f == null || (!f.wordStart() && !f.wordEnd() && bounded.contains(f.literals()));
                if (!redundant && keys.add(f.key())) {
                    factors.add(f);
                }
            }
            int max = node.anchoredStart && node.anchoredEnd && !parser.multiLine && node.maxWordChars < INF
                    ? (int) node.maxWordChars : UNBOUNDED;
            // anchored at the start, a match begins where the text does: its first letters are the text's
            boolean atTextStart = node.anchoredStart && !parser.multiLine && node.first != null && node.firstWithin < INF;
            return new RegexRequirements(List.copyOf(factors), max, atTextStart ? node.first : null,
                    atTextStart ? (int) node.firstWithin : UNBOUNDED);
        } catch (RuntimeException e) {
            // anything unexpected: no requirement, the regex runs on every text
            return NONE;
        }
    }

    /** A factor of the given literals, or null when one is too short to be worth it. */
    private static Factor factor(Set<String> literals, boolean wordStart, boolean wordEnd) {
        if (literals.isEmpty()) {
            return null;
        }
        for (var literal : literals) {
            if (literal.length() < MIN_LITERAL) {
                return null;
            }
        }
        // as a whole word only if every literal starts (ends) with a word character: \b means that then
        boolean start = wordStart;
        boolean end = wordEnd;
        for (var literal : literals) {
            start &= isWordChar(literal.charAt(0));
            end &= isWordChar(literal.charAt(literal.length() - 1));
        }
        return new Factor(List.copyOf(literals), start, end);
    }

    /** RE2J's \b: ASCII letters, digits and the underscore. */
    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The case-insensitive form literals are compared in; covers RE2J's (?i) folding (K, ſ). */
    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * Pairs of first and last char of the ranges outside which every char folds to itself, so that a
     * case-insensitive automaton need not try all 65,536 (a test checks them against the JDK's tables).
     */
    static final int[] FOLDING_RANGES = {0x0041, 0x005A, 0x00B5, 0x024E, 0x0345, 0x0556, 0x10A0, 0x10CD, 0x13A0, 0x13F5,
        0x1C80, 0x1CBF, 0x1E00, 0x1FFC, 0x2126, 0x2183, 0x24B6, 0x24CF, 0x2C00, 0x2CF2, 0xA640, 0xA69A, 0xA722, 0xA7F5,
        0xFF21, 0xFF3A};

    /** "Any number" of letters and digits; large enough, small enough not to overflow when added up. */
    private static final long INF = 1L << 40;

    /** What the reader knows about one part of a regex. */
    private static final class Node {
        /** Every string the part matches, when few and known; null otherwise. */
        Set<String> exact;
        /** Factors every match of the part contains. */
        List<Factor> required = List.of();
        /** The most letters and digits a match of the part holds. */
        long maxWordChars;
        /**
         * Next to a literal, the part guarantees a non-word character or the text's edge on that side: an
         * anchor, \b (before a literal that starts with a word character), \s or \s+.
         */
        boolean bounds;
        /** The part is empty-width (an anchor or \b): it splits runs of literals rather than joining them. */
        boolean emptyWidth;
        /** The part begins with ^ or \A (ends with $ or \z). */
        boolean anchoredStart;
        boolean anchoredEnd;
        /** Only flags, e.g. (?i): no part of the match. */
        boolean flagsOnly;
        /** A factor of {@link #required} that every match holds within its first {@link #firstWithin} word chars. */
        Factor first;
        long firstWithin = INF;

        void earliest(Factor f, long within) {
            if (f != null && within < firstWithin) {
                first = f;
                firstWithin = within;
            }
        }

        static Node exact(String s, long wordChars) {
            var node = new Node();
            node.exact = new LinkedHashSet<>(List.of(s));
            node.maxWordChars = wordChars;
            return node;
        }

        static Node unknown(long wordChars) {
            var node = new Node();
            node.maxWordChars = wordChars;
            return node;
        }
    }

    /** A recursive-descent reader of RE2J syntax that only collects the facts above. */
    private static final class Parser {
        private final String s;
        int pos;
        boolean multiLine;

        Parser(String s) {
            this.s = s;
        }

        Node alternation() {
            var branches = new ArrayList<Node>();
            branches.add(concatenation());
            while (pos < s.length() && s.charAt(pos) == '|') {
                pos++;
                branches.add(concatenation());
            }
            if (branches.size() == 1) {
                return branches.get(0);
            }
            var node = new Node();
            node.exact = new LinkedHashSet<>();
            for (var b : branches) {
                node.maxWordChars = Math.max(node.maxWordChars, b.maxWordChars);
                if (node.exact != null && b.exact != null && node.exact.size() + b.exact.size() <= MAX_SET) {
                    node.exact.addAll(b.exact);
                } else {
                    node.exact = null;
                }
            }
            if (node.exact == null) {
                // one literal of some branch occurs: the union of each branch's best factor
                var literals = new LinkedHashSet<String>();
                boolean start = true;
                boolean end = true;
                for (var b : branches) {
                    var best = best(b);
                    if (best == null) {
                        literals = null;
                        break;
                    }
                    literals.addAll(best.literals());
                    start &= best.wordStart();
                    end &= best.wordEnd();
                }
                if (literals != null) {
                    var f = factor(literals, start, end);
                    node.required = f == null ? List.of() : List.of(f);
                }
            }
            return node;
        }

        /** The factor of a branch with the longest shortest literal. */
        private static Factor best(Node node) {
            var candidates = new ArrayList<>(node.required);
            if (node.exact != null) {
                candidates.add(factor(node.exact, false, false));
            }
            Factor best = null;
            for (var f : candidates) {
                if (f != null && (best == null || shortest(f) > shortest(best))) {
                    best = f;
                }
            }
            return best;
        }

        private static int shortest(Factor f) {
            int shortest = Integer.MAX_VALUE;
            for (var literal : f.literals()) {
                shortest = Math.min(shortest, literal.length());
            }
            return shortest;
        }

        Node concatenation() {
            var parts = new ArrayList<Node>();
            while (pos < s.length() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                var part = repetition();
                if (!part.flagsOnly) {
                    parts.add(part);
                }
            }
            var node = new Node();
            var required = new ArrayList<Factor>();
            // the whole part's strings, while every part has few known ones
            Set<String> whole = new LinkedHashSet<>(List.of(""));
            // runs of parts with known strings are multiplied out ("drop" + " " + "dead"); a run ends at
            // a part that is not known or at an anchor, and becomes a factor bounded by its neighbours
            Set<String> run = new LinkedHashSet<>(List.of(""));
            int runStart = 0;
            // the most word chars of parts [0, k): a factor of part k ends within upTo + what part k holds
            long upTo = 0;
            for (int k = 0; k < parts.size(); k++) {
                var part = parts.get(k);
                node.maxWordChars = Math.min(INF, node.maxWordChars + part.maxWordChars);
                required.addAll(part.required);
                for (var f : part.required) {
                    node.earliest(f, node.maxWordChars);
                }
                node.earliest(part.first, Math.min(INF, upTo + part.firstWithin));
                long before = upTo;
                upTo = node.maxWordChars;
                whole = whole == null || part.exact == null ? null : product(whole, part.exact);
                if (part.exact != null && !part.emptyWidth) {
                    var next = product(run, part.exact);
                    if (next != null) {
                        run = next;
                        continue;
                    }
                }
                // the run is parts [runStart, k): it ends before part k
                node.earliest(addRun(required, run, parts, runStart, k), before);
                if (part.exact != null && !part.emptyWidth) {
                    run = new LinkedHashSet<>(part.exact);
                    runStart = k;
                } else {
                    run = new LinkedHashSet<>(List.of(""));
                    runStart = k + 1;
                }
            }
            node.earliest(addRun(required, run, parts, runStart, parts.size()), node.maxWordChars);
            node.exact = whole;
            node.required = required;
            node.anchoredStart = !parts.isEmpty() && parts.get(0).anchoredStart;
            node.anchoredEnd = !parts.isEmpty() && parts.get(parts.size() - 1).anchoredEnd;
            return node;
        }

        /** Every a + b, or null when there would be too many. */
        private static Set<String> product(Set<String> as, Set<String> bs) {
            if ((long) as.size() * bs.size() > MAX_SET) {
                return null;
            }
            var product = new LinkedHashSet<String>();
            for (var a : as) {
                for (var b : bs) {
                    product.add(a + b);
                }
            }
            return product;
        }

        /** The exact run of parts [from, to) as a factor, bounded by the parts just outside it; the factor or null. */
        private static Factor addRun(List<Factor> required, Set<String> run, List<Node> parts, int from, int to) {
            if (run.contains("")) {
                return null;
            }
            boolean start = from > 0 && parts.get(from - 1).bounds;
            boolean end = to < parts.size() && parts.get(to).bounds;
            var f = factor(run, start, end);
            if (f != null) {
                required.add(f);
            }
            return f;
        }

        Node repetition() {
            var atom = atom();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                int min;
                int max;
                if (c == '*' || c == '+' || c == '?') {
                    pos++;
                    min = c == '+' ? 1 : 0;
                    max = c == '?' ? 1 : -1;
                } else if (c == '{' && isRepeat()) {
                    pos++;
                    min = number();
                    max = min;
                    if (s.charAt(pos) == ',') {
                        pos++;
                        max = s.charAt(pos) == '}' ? -1 : number();
                    }
                    expect('}');
                } else {
                    return atom;
                }
                if (pos < s.length() && s.charAt(pos) == '?') {
                    pos++; // non-greedy: the same strings
                }
                atom = repeat(atom, min, max);
            }
            return atom;
        }

        private boolean isRepeat() {
            int k = pos + 1;
            int digits = 0;
            while (k < s.length() && Character.isDigit(s.charAt(k))) {
                k++;
                digits++;
            }
            return digits > 0 && k < s.length() && (s.charAt(k) == '}' || s.charAt(k) == ',');
        }

        private int number() {
            int start = pos;
            while (Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            return Integer.parseInt(s.substring(start, pos));
        }

        private static Node repeat(Node atom, int min, int max) {
            if (min == 1 && max == 1) {
                return atom;
            }
            var node = new Node();
            if (max < 0) {
                node.maxWordChars = atom.maxWordChars == 0 ? 0 : INF;
            } else {
                node.maxWordChars = Math.min(INF, atom.maxWordChars * max);
            }
            // \s+ still puts a space next to what follows; \s* may put nothing
            node.bounds = atom.bounds && min >= 1;
            node.emptyWidth = atom.emptyWidth;
            if (min == 0 && max == 1 && atom.exact != null) {
                node.exact = new LinkedHashSet<>(atom.exact);
                node.exact.add("");
            } else if (min >= 1) {
                // at least one occurrence: what it requires, but not its bounds (a repeat borders itself)
                var required = new ArrayList<>(atom.required);
                if (atom.exact != null && !atom.exact.contains("")) {
                    var f = factor(atom.exact, false, false);
                    if (f != null) {
                        required.add(f);
                    }
                }
                node.required = required;
            }
            return node;
        }

        Node atom() {
            char c = s.charAt(pos++);
            switch (c) {
                case '(' -> {
                    return group();
                }
                case '[' -> {
                    return charClass();
                }
                case '.' -> {
                    return Node.unknown(1);
                }
                case '^' -> {
                    var node = boundary();
                    node.anchoredStart = true;
                    return node;
                }
                case '$' -> {
                    var node = boundary();
                    node.anchoredEnd = true;
                    return node;
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{', ')' -> throw new IllegalArgumentException("unexpected " + c);
                default -> {
                    if (Character.isSurrogate(c)) {
                        // a character outside the BMP: some character, maybe a letter
                        if (Character.isHighSurrogate(c) && pos < s.length() && Character.isLowSurrogate(s.charAt(pos))) {
                            pos++;
                        }
                        return Node.unknown(1);
                    }
                    return literal(c);
                }
            }
        }

        /** An anchor or \b: matches empty, at a position a literal next to it starts or ends a word. */
        private static Node boundary() {
            var node = Node.exact("", 0);
            node.bounds = true;
            node.emptyWidth = true;
            return node;
        }

        private static Node literal(char c) {
            if (Character.isSurrogate(c)) {
                return Node.unknown(1);
            }
            return Node.exact(String.valueOf(fold(c)), holdsNoWordChar(c) ? 0 : 1);
        }

        /** A literal that can match no letter or digit, even case-insensitively. */
        private static boolean holdsNoWordChar(char c) {
            if (c < 128) {
                return !Character.isLetterOrDigit(c);
            }
            return !Character.isLetterOrDigit(c) && Character.toUpperCase(c) == c && Character.toLowerCase(c) == c
                    && Character.getType(c) != Character.NON_SPACING_MARK;
        }

        private Node group() {
            if (s.startsWith("?", pos)) {
                pos++;
                if (s.startsWith("P<", pos) || s.startsWith("<", pos)) {
                    pos = s.indexOf('>', pos) + 1;
                    if (pos == 0) {
                        throw new IllegalArgumentException("unclosed group name");
                    }
                } else {
                    // flags: (?i) or (?i:...)
                    int start = pos;
                    while (pos < s.length() && s.charAt(pos) != ')' && s.charAt(pos) != ':') {
                        pos++;
                    }
                    var flags = s.substring(start, pos);
                    int minus = flags.indexOf('-');
                    if ((minus < 0 ? flags : flags.substring(0, minus)).indexOf('m') >= 0) {
                        multiLine = true;
                    }
                    if (s.charAt(pos) == ')') {
                        pos++;
                        var node = Node.exact("", 0);
                        node.flagsOnly = true;
                        return node;
                    }
                    pos++; // ':'
                }
            }
            var inner = alternation();
            expect(')');
            return inner;
        }

        private Node escape() {
            char c = s.charAt(pos++);
            switch (c) {
                case 'b' -> {
                    return boundary();
                }
                case 'A' -> {
                    var node = boundary();
                    node.anchoredStart = true;
                    return node;
                }
                case 'z' -> {
                    var node = boundary();
                    node.anchoredEnd = true;
                    return node;
                }
                case 'B' -> {
                    var node = Node.exact("", 0);
                    node.emptyWidth = true;
                    return node;
                }
                case 's' -> {
                    // one white-space character: no letter or digit, and not a word character either
                    var node = Node.unknown(0);
                    node.bounds = true;
                    return node;
                }
                case 'W' -> {
                    // not a word character, but maybe a letter of another script
                    var node = Node.unknown(1);
                    node.bounds = true;
                    return node;
                }
                case 'd', 'w', 'D', 'S', 'C' -> {
                    return Node.unknown(1);
                }
                case 'p', 'P' -> {
                    var name = unicodeClassName();
                    return Node.unknown(c == 'p' && isNonWordCategory(name) ? 0 : 1);
                }
                case 'Q' -> {
                    int end = s.indexOf("\\E", pos);
                    var quoted = s.substring(pos, end < 0 ? s.length() : end);
                    pos = end < 0 ? s.length() : end + 2;
                    var text = new StringBuilder();
                    long wordChars = 0;
                    for (int k = 0; k < quoted.length(); k++) {
                        var lit = literal(quoted.charAt(k));
                        if (lit.exact == null) {
                            return Node.unknown(quoted.length());
                        }
                        text.append(lit.exact.iterator().next());
                        wordChars += lit.maxWordChars;
                    }
                    return Node.exact(text.toString(), wordChars);
                }
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        // \n, \t, \x41, \123 and the like: some character, not worth decoding
                        skipEscapeArgument(c);
                        return Node.unknown(1);
                    }
                    return literal(c); // \. \$ \( ...
                }
            }
        }

        private void skipEscapeArgument(char c) {
            if (c == 'x' && pos < s.length() && s.charAt(pos) == '{') {
                pos = s.indexOf('}', pos) + 1;
            } else if (c == 'x') {
                pos += 2;
            } else if (c >= '0' && c <= '7') {
                while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7') {
                    pos++;
                }
            }
        }

        private String unicodeClassName() {
            if (s.charAt(pos) == '{') {
                int end = s.indexOf('}', pos);
                var name = s.substring(pos + 1, end);
                pos = end + 1;
                return name;
            }
            return String.valueOf(s.charAt(pos++));
        }

        /** Unicode categories with no letters or digits in them: punctuation, separators, symbols. */
        private static boolean isNonWordCategory(String name) {
            return name.equals("P") || name.equals("Z") || name.equals("S")
                    || (name.length() == 2 && "PZS".indexOf(name.charAt(0)) >= 0);
        }

        private Node charClass() {
            boolean negated = s.startsWith("^", pos);
            if (negated) {
                pos++;
            }
            boolean holdsWordChars = false;
            boolean first = true;
            var members = new LinkedHashSet<String>();
            boolean listable = true;
            while (first || s.charAt(pos) != ']') {
                first = false;
                char c = s.charAt(pos++);
                if (c == '[' && s.startsWith(":", pos)) {
                    int end = s.indexOf(":]", pos);
                    pos = end + 2;
                    holdsWordChars = true;
                    listable = false;
                    continue;
                }
                int from;
                if (c == '\\') {
                    char e = s.charAt(pos++);
                    if (e == 's') {
                        listable = false;
                        continue;
                    }
                    if (e == 'p' || e == 'P') {
                        var name = unicodeClassName();
                        holdsWordChars |= !(e == 'p' && isNonWordCategory(name));
                        listable = false;
                        continue;
                    }
                    if (Character.isLetterOrDigit(e)) {
                        skipEscapeArgument(e);
                        holdsWordChars = true;
                        listable = false;
                        continue;
                    }
                    from = e;
                } else {
                    from = c;
                }
                int to = from;
                if (s.charAt(pos) == '-' && s.charAt(pos + 1) != ']') {
                    pos++;
                    char d = s.charAt(pos++);
                    if (d == '\\') {
                        d = s.charAt(pos++);
                        if (Character.isLetterOrDigit(d)) {
                            throw new IllegalArgumentException("escape in a range");
                        }
                    }
                    to = d;
                }
                if (Character.isSurrogate((char) from) || Character.isSurrogate((char) to)) {
                    throw new IllegalArgumentException("class beyond the BMP");
                }
                for (int k = from; k <= to; k++) {
                    if (!holdsNoWordChar((char) k)) {
                        holdsWordChars = true;
                    }
                    if (members.size() <= 8) {
                        members.add(String.valueOf(fold((char) k)));
                    }
                }
                if (to - from > 8) {
                    listable = false;
                }
            }
            pos++; // ']'
            if (negated) {
                return Node.unknown(1);
            }
            if (listable && members.size() <= 8) {
                var node = new Node();
                node.exact = members;
                node.maxWordChars = holdsWordChars ? 1 : 0;
                return node;
            }
            return Node.unknown(holdsWordChars ? 1 : 0);
        }

        private void expect(char c) {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw new IllegalArgumentException("expected " + c);
            }
            pos++;
        }
    }
}
