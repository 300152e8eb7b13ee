package news.moderation.service.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Tells, from one pass over a text, which regex rules could match it, so that RE2J runs only for those:
 * the literals of every rule's {@link RegexRequirements} and {@code when} list go into one
 * case-insensitive automaton over the original text. A rule is a candidate when each of its factors was
 * seen (as a whole word where the factor says so) and, for a regex anchored at both ends, the text holds
 * no more letters and digits than a match can. Never rules out a text the regex matches.
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
    final int factorCount;

    RegexPrefilter(List<CompiledRules.RegexRule> regexes) {
        // identical factors of different rules share one flag (plain loops: this runs at start-up, where
        // every stream and lambda costs milliseconds to set up)
        Map<String, Integer> index = new HashMap<>();
        var factors = new ArrayList<RegexRequirements.Factor>();
        ruleFactors = new int[regexes.size()][];
        ruleMaxWordChars = new int[regexes.size()];
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

    /** Whether rule {@code r} could match the text whose factors {@link #scan} marked. */
    boolean mayMatch(int r, boolean[] seen, char[] text, int length) {
        for (int factor : ruleFactors[r]) {
            if (!seen[factor]) {
                return false;
            }
        }
        int max = ruleMaxWordChars[r];
        return max == RegexRequirements.UNBOUNDED || wordChars(text, length, max) <= max;
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
