package news.moderation.service.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Tells which regex rules could match a text, so that RE2J runs only for those: the literals of every
 * rule's {@link RegexRequirements} and {@code when} list go into one case-insensitive automaton over the
 * original text. A rule is a candidate when, for a regex anchored at both ends, the text holds no more
 * letters and digits than a match can; for one anchored at the start, its window factor occurs among the
 * text's first letters; and each of its factors occurs (as a whole word where the factor says so). The
 * cheap tests come first and the pass over the whole text is made only when a rule gets that far, once
 * per text ({@link Seen}). Never rules out a text the regex matches.
 *
 * <pre>{@code
 * filter.reset(seen);
 * boolean run = filter.mayMatch(r, chars, length, seen);
 * }</pre>
 */
final class RegexPrefilter {

    private final Automaton automaton;
    /** Per automaton pattern: its factor, its length, whether it must start or end a word. */
    private final int[] patternFactor;
    private final int[] patternLength;
    private final boolean[] patternWordStart;
    private final boolean[] patternWordEnd;
    /** Per rule: the factors it needs, and the most letters and digits of a text it can match. */
    private final int[][] ruleFactors;
    private final int[] ruleMaxWordChars;
    /** Per rule: the factor it needs among the text's first ruleWindow letters and digits, or -1. */
    private final int[] ruleWindowFactor;
    private final int[] ruleWindow;
    final int factorCount;

    /** What the passes over one text found; reused from text to text ({@link #reset}). */
    static final class Seen {
        boolean[] factors = new boolean[16];
        boolean[] window = new boolean[16];
        boolean scanned;
    }

    RegexPrefilter(List<CompiledRules.RegexRule> regexes) {
        // identical factors of different rules share one flag (plain loops: this runs at start-up, where
        // every stream and lambda costs milliseconds to set up)
        Map<String, Integer> index = new HashMap<>();
        var factors = new ArrayList<RegexRequirements.Factor>();
        ruleFactors = new int[regexes.size()][];
        ruleMaxWordChars = new int[regexes.size()];
        ruleWindowFactor = new int[regexes.size()];
        ruleWindow = new int[regexes.size()];
        for (int r = 0; r < regexes.size(); r++) {
            var regex = regexes.get(r);
            var requirements = RegexRequirements.of(regex.pattern().pattern());
            var needed = new ArrayList<>(requirements.factors);
            if (!regex.when().isEmpty()) {
                // the rule runs only where one of them occurs as written, so certainly where one occurs folded
                var folded = new LinkedHashSet<String>();
                for (var literal : regex.when()) {
                    folded.add(fold(literal));
                }
                needed.add(new RegexRequirements.Factor(List.copyOf(folded), false, false));
            }
            var ids = new LinkedHashSet<Integer>();
            for (var factor : needed) {
                var id = index.get(factor.key());
                if (id == null) {
                    id = factors.size();
                    index.put(factor.key(), id);
                    factors.add(factor);
                }
                ids.add(id);
            }
            ruleFactors[r] = new int[ids.size()];
            int k = 0;
            for (int id : ids) {
                ruleFactors[r][k++] = id;
            }
            ruleMaxWordChars[r] = requirements.maxWordChars;
            ruleWindowFactor[r] = -1;
            ruleWindow[r] = RegexRequirements.UNBOUNDED;
            if (requirements.window != null) {
                var id = index.get(requirements.window.key());
                if (id == null) {
                    id = factors.size();
                    index.put(requirements.window.key(), id);
                    factors.add(requirements.window);
                }
                ruleWindowFactor[r] = id;
                ruleWindow[r] = requirements.windowWordChars;
            }
        }
        factorCount = factors.size();
        var patterns = new ArrayList<String>();
        var factorOf = new ArrayList<Integer>();
        for (int f = 0; f < factors.size(); f++) {
            for (var literal : factors.get(f).literals()) {
                patterns.add(literal);
                factorOf.add(f);
            }
        }
        automaton = new Automaton(patterns, true);
        int count = patterns.size();
        patternFactor = new int[count];
        patternLength = new int[count];
        patternWordStart = new boolean[count];
        patternWordEnd = new boolean[count];
        for (int p = 0; p < count; p++) {
            var factor = factors.get(factorOf.get(p));
            patternFactor[p] = factorOf.get(p);
            patternLength[p] = patterns.get(p).length();
            patternWordStart[p] = factor.wordStart();
            patternWordEnd[p] = factor.wordEnd();
        }
    }

    private static String fold(String literal) {
        var folded = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            folded.append(RegexRequirements.fold(literal.charAt(i)));
        }
        return folded.toString();
    }

    /** Marks in {@code seen} (at least {@link #factorCount} long) the factors that occur in the text. */
    void scan(char[] text, int length, boolean[] seen) {
        Arrays.fill(seen, 0, factorCount, false);
        if (factorCount > 0) {
            automaton.scan(text, length, new Marks(text, length, seen));
        }
    }

    /** Marks a factor seen where one of its literals occurs, at word boundaries where it needs them. */
    private final class Marks implements Automaton.Hits {
        private final char[] text;
        private final int length;
        private final boolean[] seen;

        Marks(char[] text, int length, boolean[] seen) {
            this.text = text;
            this.length = length;
            this.seen = seen;
        }

        @Override
        public void hit(int pattern, int end) {
            int factor = patternFactor[pattern];
            if (seen[factor]) {
                return;
            }
            int start = end - patternLength[pattern] + 1;
            // as RE2J's \b: a word char next to a word char is no boundary
            if (patternWordStart[pattern] && start > 0 && RegexRequirements.isWordChar(text[start])
                    && RegexRequirements.isWordChar(text[start - 1])) {
                return;
            }
            if (patternWordEnd[pattern] && end + 1 < length && RegexRequirements.isWordChar(text[end])
                    && RegexRequirements.isWordChar(text[end + 1])) {
                return;
            }
            seen[factor] = true;
        }
    }

    /** Readies {@code seen} for a new text. */
    void reset(Seen seen) {
        if (seen.factors.length < factorCount) {
            seen.factors = new boolean[factorCount];
            seen.window = new boolean[factorCount];
        }
        seen.scanned = false;
    }

    /** Whether rule {@code r} could match the text; scans it (once per {@link #reset}) only when needed. */
    boolean mayMatch(int r, char[] text, int length, Seen seen) {
        int max = ruleMaxWordChars[r];
        if (max != RegexRequirements.UNBOUNDED && wordChars(text, length, max) > max) {
            return false;
        }
        if (ruleWindowFactor[r] >= 0) {
            // most texts are ruled out by their first few words: scan those alone
            int end = afterWordChars(text, length, ruleWindow[r]);
            Arrays.fill(seen.window, 0, factorCount, false);
            automaton.scan(text, end, new Marks(text, end, seen.window));
            if (!seen.window[ruleWindowFactor[r]]) {
                return false;
            }
        }
        if (ruleFactors[r].length == 0) {
            return true;
        }
        if (!seen.scanned) {
            scan(text, length, seen.factors);
            seen.scanned = true;
        }
        for (int factor : ruleFactors[r]) {
            if (!seen.factors[factor]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the text's first {@code count} letters and digits end: the index of the next one, or the length.
     * A literal within them ends there at the latest; one cut short there is still found, as the end of the
     * scanned text counts as a word's end.
     */
    private static int afterWordChars(char[] text, int length, int count) {
        int seen = 0;
        for (int i = 0; i < length; ) {
            int cp = Character.codePointAt(text, i, length);
            if (Character.isLetterOrDigit(cp) && seen++ == count) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return length;
    }

    /** Letters and digits in the text, counted up to one past {@code limit}. */
    private static int wordChars(char[] text, int length, int limit) {
        int count = 0;
        for (int i = 0; i < length && count <= limit; ) {
            int cp = Character.codePointAt(text, i, length);
            if (Character.isLetterOrDigit(cp)) {
                count++;
            }
            i += Character.charCount(cp);
        }
        return count;
    }
}
