package news.moderation.service.rules;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells which regex rules could match a text, so that RE2J runs only for those, in steps from the cheapest:
 *
 * <ol>
 *   <li>Most factors (the literals every match must contain, from {@link RegexRequirements}, and each rule's
 *       {@code when} list) have a form in the normalized text: a run of three letters or more of one of the
 *       literals, which normalization never breaks up (see {@link #normalizedForms}). Those forms go into
 *       the term automaton, so the engine's one pass over the normalized text also tells which factors
 *       <em>may</em> occur, at no cost of its own.</li>
 *   <li>A rule anchored at both ends can only match a text of few letters and digits; one anchored at the
 *       start needs a factor among the text's first letters ({@link RegexRequirements#window}), looked for
 *       in those few chars alone; a rule with a {@code when} list needs one of its literals as written.</li>
 *   <li>Only then, at most once per text, one case-insensitive pass over the original text finds which
 *       factors do occur, as whole words where the factor says so.</li>
 * </ol>
 *
 * <pre>{@code
 * filter.reset(pass);
 * boolean run = filter.mayMatch(r, text, chars, termHits.regexCandidates(), pass);
 * }</pre>
 *
 * Never rules out a text the regex matches: a property test runs the whole engine on texts made to
 * trip every step.
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
    /** Per rule: the factors with a form in the normalized text (step 1). */
    private final int[][] ruleCandidateFactors;
    /** Per rule: its when list, literals one of which must occur as written. */
    private final List<List<String>> ruleWhen = new ArrayList<>();
    final int factorCount;
    /** Patterns for the term automaton (step 1), and the factor each one stands for. */
    final List<String> normalizedPatterns = new ArrayList<>();
    private final int[] normalizedPatternFactor;

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
            ruleWhen.add(regex.when());
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
        var forms = new ArrayList<List<String>>();
        var factorOfPattern = new ArrayList<Integer>();
        var normalizedOf = new HashMap<Character, Character>();
        for (int f = 0; f < factorCount; f++) {
            var form = normalizedForms(factors.get(f).literals(), normalizedOf);
            forms.add(form);
            if (form != null) {
                for (var pattern : form) {
                    normalizedPatterns.add(pattern);
                    factorOfPattern.add(f);
                }
            }
        }
        normalizedPatternFactor = new int[factorOfPattern.size()];
        for (int p = 0; p < normalizedPatternFactor.length; p++) {
            normalizedPatternFactor[p] = factorOfPattern.get(p);
        }
        ruleCandidateFactors = new int[regexes.size()][];
        for (int r = 0; r < regexes.size(); r++) {
            int count = 0;
            for (int f : ruleFactors[r]) {
                count += forms.get(f) != null ? 1 : 0;
            }
            ruleCandidateFactors[r] = new int[count];
            count = 0;
            for (int f : ruleFactors[r]) {
                if (forms.get(f) != null) {
                    ruleCandidateFactors[r][count++] = f;
                }
            }
        }
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

    /** The factor that normalized pattern {@code p} (an index into {@link #normalizedPatterns}) stands for. */
    int normalizedFactor(int p) {
        return normalizedPatternFactor[p];
    }

    /** What the checks learnt of one text so far; reused from text to text ({@link #reset}). */
    static final class Pass {
        private boolean[] seen = new boolean[16];
        private boolean[] window = new boolean[16];
        private boolean scanned;
        private final Marks marks = new Marks();
    }

    /** Readies {@code pass} for a new text. */
    void reset(Pass pass) {
        if (pass.seen.length < factorCount) {
            pass.seen = new boolean[factorCount];
            pass.window = new boolean[factorCount];
        }
        pass.scanned = false;
    }

    /**
     * Whether rule {@code r} could match {@code text}, the cheapest check first: a factor with a normalized
     * form that the automaton's pass did not find ({@code candidates}, from {@link TermHits}) rules it out;
     * so does, for a regex anchored at both ends, a text with more letters and digits than a match can
     * hold; for one anchored at the start, a text without its window factor among its first letters; and a
     * when list none of whose literals occurs. Only then the pass over the original text, once per text.
     *
     * @param chars the text's chars ({@code text.length()} of them)
     */
    boolean mayMatch(int r, String text, char[] chars, boolean[] candidates, Pass pass) {
        for (int factor : ruleCandidateFactors[r]) {
            if (!candidates[factor]) {
                return false;
            }
        }
        int length = text.length();
        int max = ruleMaxWordChars[r];
        // more than max letters and digits: the one after the first max is inside the text
        if (max != RegexRequirements.UNBOUNDED && afterWordChars(chars, length, max) < length) {
            return false;
        }
        int window = ruleWindowFactor[r];
        if (window >= 0) {
            // anchored at the start: most texts are ruled out by their first few words, so scan those alone
            int end = afterWordChars(chars, length, ruleWindow[r]);
            Arrays.fill(pass.window, 0, factorCount, false);
            automaton.scan(chars, end, pass.marks.on(this, chars, end, pass.window));
            if (!pass.window[window]) {
                return false;
            }
        }
        var when = ruleWhen.get(r);
        if (!when.isEmpty() && !containsAny(text, when)) {
            return false;
        }
        if (ruleFactors[r].length == 0) {
            return true;
        }
        if (!pass.scanned) {
            Arrays.fill(pass.seen, 0, factorCount, false);
            automaton.scan(chars, length, pass.marks.on(this, chars, length, pass.seen));
            pass.scanned = true;
        }
        for (int factor : ruleFactors[r]) {
            if (!pass.seen[factor]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(String text, List<String> literals) {
        for (int i = 0; i < literals.size(); i++) {
            if (text.contains(literals.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks a factor seen where one of its literals occurs, at word boundaries where it needs them. One per
     * {@link Pass}, pointed at each text in turn, so that a scan allocates nothing.
     */
    private static final class Marks implements Automaton.Hits {
        private RegexPrefilter filter;
        private char[] text;
        private int length;
        private boolean[] seen;

        Marks on(RegexPrefilter filter, char[] text, int length, boolean[] seen) {
            this.filter = filter;
            this.text = text;
            this.length = length;
            this.seen = seen;
            return this;
        }

        @Override
        public void hit(int pattern, int end) {
            int factor = filter.patternFactor[pattern];
            if (seen[factor]) {
                return;
            }
            int start = end - filter.patternLength[pattern] + 1;
            // as RE2J's \b: a word char next to a word char is no boundary
            if (filter.patternWordStart[pattern] && start > 0 && RegexRequirements.isWordChar(text[start])
                    && RegexRequirements.isWordChar(text[start - 1])) {
                return;
            }
            if (filter.patternWordEnd[pattern] && end + 1 < length && RegexRequirements.isWordChar(text[end])
                    && RegexRequirements.isWordChar(text[end + 1])) {
                return;
            }
            seen[factor] = true;
        }
    }

    /**
     * What the normalized text holds wherever the original holds one of {@code literals} (folded, as
     * RE2J's {@code (?i)} compares them), or null when that cannot be said of some literal. Of each literal,
     * its longest run of letters that normalization maps one to one (every char that folds to the letter
     * normalizes to the same letter, not to two letters or none); word boundaries are left out, as
     * normalization moves them (a {@code $} after a word becomes a letter). What normalization still does to
     * such a run, each form allows for: runs of a letter are stored once ("sheep" reads "shep"); in a word
     * mostly of the other script, its look-alike letters are read in that script; a combining mark after
     * its last letter may make a new one (и + ◌̆ is й). A run inside an HTML entity's name ("&amp;amp;",
     * "&amp;#xface;") is decoded away, and a run shorter than three letters would hit in nearly every text:
     * such literals have no form.
     */
    static List<String> normalizedForms(List<String> literals, Map<Character, Character> normalizedOf) {
        var forms = new LinkedHashSet<String>();
        for (var literal : literals) {
            String run = longestRun(literal, normalizedOf);
            if (run == null) {
                return null;
            }
            var lasts = new LinkedHashSet<Character>();
            char last = run.charAt(run.length() - 1);
            lasts.add(last);
            for (int mark : new int[] {0x0306, 0x0308}) {
                char composed = Folding.compose(last, mark);
                if (composed != 0) {
                    lasts.add(composed);
                }
            }
            for (char end : lasts) {
                var base = run.substring(0, run.length() - 1) + end;
                forms.add(collapse(base));
                forms.add(collapse(lookalikes(base, true)));
                forms.add(collapse(lookalikes(base, false)));
            }
        }
        return List.copyOf(forms);
    }

    private static String longestRun(String literal, Map<Character, Character> normalizedOf) {
        String best = null;
        int start = 0;
        var run = new StringBuilder();
        for (int i = 0; i <= literal.length(); i++) {
            char n = i < literal.length() ? normalizedOf.computeIfAbsent(literal.charAt(i), RegexPrefilter::normalizedLetter) : 0;
            if (n != 0) {
                run.append(n);
                continue;
            }
            var candidate = run.toString();
            if (collapse(candidate).length() >= 3 && !inEntity(literal.substring(start, i))
                    && (best == null || candidate.length() > best.length())) {
                best = candidate;
            }
            run.setLength(0);
            start = i + 1;
        }
        return best;
    }

    /** The letter every char RE2J's {@code (?i)} takes for {@code c} normalizes to, or 0 if there is no one such letter. */
    private static char normalizedLetter(char c) {
        if (Character.isSurrogate(c)) {
            return 0;
        }
        int info = CharClasses.of(c);
        if (CharClasses.kind(info) != CharClasses.LETTER) {
            return 0;
        }
        char normalized = CharClasses.folded(info);
        Pattern sameLetter = null;
        for (char x : CaseVariants.of(RegexRequirements.fold(c)).toCharArray()) {
            int other = CharClasses.of(x);
            if (CharClasses.kind(other) != CharClasses.LETTER || CharClasses.folded(other) != normalized) {
                // folding is wider than RE2J's (?i): İ folds to i, yet (?i)i does not match it
                if (sameLetter == null) {
                    sameLetter = Pattern.compile("(?i)" + Pattern.quote(String.valueOf(c)));
                }
                if (sameLetter.matcher(String.valueOf(x)).matches()) {
                    return 0;
                }
            }
        }
        return normalized;
    }

    /** By folded char: the other chars that fold to it. Built once, when a first prefilter needs it. */
    private static final class CaseVariants {
        private static final Map<Character, String> OTHERS = build();

        static String of(char folded) {
            return OTHERS.getOrDefault(folded, "");
        }

        private static Map<Character, String> build() {
            var others = new HashMap<Character, StringBuilder>();
            var ranges = RegexRequirements.FOLDING_RANGES;
            for (int r = 0; r < ranges.length; r += 2) {
                for (int x = ranges[r]; x <= ranges[r + 1]; x++) {
                    char folded = RegexRequirements.fold((char) x);
                    if (folded != x) {
                        others.computeIfAbsent(folded, k -> new StringBuilder()).append((char) x);
                    }
                }
            }
            var built = new HashMap<Character, String>();
            others.forEach((k, v) -> built.put(k, v.toString()));
            return built;
        }
    }

    /** Whether the letters {@code run} could be part of an HTML entity the normalizer decodes. */
    private static boolean inEntity(String run) {
        var lower = run.toLowerCase(Locale.ROOT);
        if (lower.matches("x?[a-f]+")) {
            return true;
        }
        for (var name : HtmlEntities.names()) {
            if (name.contains(lower)) {
                return true;
            }
        }
        return false;
    }

    private static String lookalikes(String run, boolean toCyrillic) {
        var read = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            boolean other = toCyrillic ? Scripts.isLatin(c) : Scripts.isCyrillic(c);
            char look = other ? Scripts.lookalike(c, toCyrillic) : 0;
            read.append(look != 0 ? look : c);
        }
        return read.toString();
    }

    private static String collapse(String run) {
        var once = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); i++) {
            if (i == 0 || run.charAt(i) != run.charAt(i - 1)) {
                once.append(run.charAt(i));
            }
        }
        return once.toString();
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

}
