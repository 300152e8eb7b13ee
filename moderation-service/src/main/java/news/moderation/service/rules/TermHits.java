package news.moderation.service.rules;

import java.util.Arrays;
import java.util.List;

/**
 * Collects the automaton's hits, checks runs, allow phrases and context, and maps them to the original.
 * Reused for one text after another (the engine keeps one per thread): {@link #reset} before each scan.
 *
 * <p>Checking needs only the normalized chars; the original offsets are needed only for the hits that
 * survive, so {@link #check} comes first and {@link #addMatches} after the caller made sure the text has
 * its offsets.
 */
final class TermHits implements Automaton.Hits {

    private NormalizedText text;
    private CompiledRules compiled;
    /** Per hit: rule index, first and last normalized position. */
    private int[] ruleHits = new int[24];
    private int ruleCount;
    private int[] allowHits = new int[8];
    private int allowCount;
    /** Per hit that passed allow and context checks: rule index, first, last, highlight first and last. */
    private int[] candidates = new int[40];
    private int candidateCount;
    /** Per surviving hit: rule index and the first and last position of its highlight. */
    private int[] survivors = new int[24];
    private int survivorCount;
    /** Automaton patterns from this number on are the regex prefilter's, not terms. */
    private int termCount;
    /** Per regex factor: whether its normalized form occurs (see {@link RegexPrefilter#mayMatch}). */
    private boolean[] regexCandidates = new boolean[8];

    void reset(NormalizedText text, CompiledRules compiled) {
        this.text = text;
        this.compiled = compiled;
        ruleCount = 0;
        allowCount = 0;
        candidateCount = 0;
        survivorCount = 0;
        termCount = compiled.terms.size();
        int factors = compiled.regexFilter.factorCount;
        if (regexCandidates.length < factors) {
            regexCandidates = new boolean[factors];
        }
        Arrays.fill(regexCandidates, 0, factors, false);
    }

    /** The regex factors whose normalized form the last scan found, valid until the next {@link #reset}. */
    boolean[] regexCandidates() {
        return regexCandidates;
    }

    @Override
    public void hit(int pattern, int end) {
        if (pattern >= termCount) {
            regexCandidates[compiled.regexFilter.normalizedFactor(pattern - termCount)] = true;
            return;
        }
        var term = compiled.terms.get(pattern);
        int last = term.anchoredEnd() ? end - 1 : end;
        int first = last - term.letters() + 1;
        if (!runsAgree(term, first)) {
            return;
        }
        // open ends cover the whole word in the original, "Dwarfstanian" not "Dwarfstan"
        if (!term.anchoredStart()) {
            first = text.wordStart(first);
        }
        if (!term.anchoredEnd()) {
            last = text.wordEnd(last);
        }
        if (term.isAllow()) {
            if (allowCount + 2 > allowHits.length) {
                allowHits = Arrays.copyOf(allowHits, allowHits.length * 2);
            }
            allowHits[allowCount++] = first;
            allowHits[allowCount++] = last;
        } else {
            if (ruleCount + 3 > ruleHits.length) {
                ruleHits = Arrays.copyOf(ruleHits, ruleHits.length * 2);
            }
            ruleHits[ruleCount++] = term.rule();
            ruleHits[ruleCount++] = first;
            ruleHits[ruleCount++] = last;
        }
    }

    /**
     * The text's run of a letter must equal the term's, or be clearly stretched (three or more): "dwaaarf"
     * is "dwarf", "asss" is "ass", but "as" is not "ass" and "good" is not "god".
     */
    private boolean runsAgree(CompiledRules.Term term, int first) {
        var runs = term.runs();
        for (int k = 0; k < runs.length; k++) {
            int actual = text.runs[first + k];
            int expected = runs[k];
            if (actual != expected && !(actual >= 3 && actual >= expected)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drops the hits an allow phrase covers or whose context fails, then those another remaining hit of the
     * same rule covers (in that order: a longer hit whose context fails must not take a shorter one that
     * passes with it); true if any remain.
     */
    boolean check() {
        for (int h = 0; h < ruleCount; h += 3) {
            int ruleIndex = ruleHits[h];
            int first = ruleHits[h + 1];
            int last = ruleHits[h + 2];
            if (allowed(first, last)) {
                continue;
            }
            var compiledRule = compiled.rules.get(ruleIndex);
            int spanFirst = first;
            int spanLast = last;
            if (!compiledRule.requires().isEmpty()) {
                int context = -1;
                for (var condition : compiledRule.requires()) {
                    context = holds(condition, first, last);
                    if (context >= 0) {
                        // the words that make it count belong in the highlight: "the dwarf", not "dwarf"
                        if (condition.side() == ContextCondition.Side.BEFORE) {
                            spanFirst = context;
                        } else {
                            spanLast = context;
                        }
                        break;
                    }
                }
                if (context < 0) {
                    continue;
                }
            }
            if (unlessHolds(compiledRule, first, last)) {
                continue;
            }
            if (candidateCount + 5 > candidates.length) {
                candidates = Arrays.copyOf(candidates, candidates.length * 2);
            }
            candidates[candidateCount++] = ruleIndex;
            candidates[candidateCount++] = first;
            candidates[candidateCount++] = last;
            candidates[candidateCount++] = spanFirst;
            candidates[candidateCount++] = spanLast;
        }
        for (int c = 0; c < candidateCount; c += 5) {
            if (covered(c)) {
                continue;
            }
            if (survivorCount + 3 > survivors.length) {
                survivors = Arrays.copyOf(survivors, survivors.length * 2);
            }
            survivors[survivorCount++] = candidates[c];
            survivors[survivorCount++] = candidates[c + 3];
            survivors[survivorCount++] = candidates[c + 4];
        }
        return survivorCount > 0;
    }

    /** A candidate another candidate of the same rule covers (or an identical earlier one) adds nothing. */
    private boolean covered(int self) {
        int rule = candidates[self];
        int first = candidates[self + 1];
        int last = candidates[self + 2];
        for (int c = 0; c < candidateCount; c += 5) {
            if (c == self || candidates[c] != rule) {
                continue;
            }
            int f = candidates[c + 1];
            int l = candidates[c + 2];
            boolean same = f == first && l == last;
            if (f <= first && l >= last && (!same || c < self)) {
                return true;
            }
        }
        return false;
    }

    private boolean unlessHolds(CompiledRules.CompiledRule rule, int first, int last) {
        for (var condition : rule.unless()) {
            if (holds(condition, first, last) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The last normalized position a surviving hit's highlight takes, or -1 if none survived. */
    int lastSurvivingPosition() {
        int last = -1;
        for (int s = 0; s < survivorCount; s += 3) {
            last = Math.max(last, survivors[s + 2]);
        }
        return last;
    }

    /** The surviving hits as matches into {@code original}; the text must have been normalized with offsets. */
    void addMatches(String original, List<Match> matches) {
        if (!text.hasOffsets) {
            throw new IllegalStateException("matches need the text normalized with offsets");
        }
        for (int s = 0; s < survivorCount; s += 3) {
            var rule = compiled.rules.get(survivors[s]).rule();
            int start = text.from[survivors[s + 1]];
            int end = text.to[survivors[s + 2]];
            matches.add(new Match(rule.id(), rule.category(), rule.severity(), start, end,
                    original.substring(start, end)));
        }
    }

    private boolean allowed(int first, int last) {
        for (int a = 0; a < allowCount; a += 2) {
            if (allowHits[a] <= first && allowHits[a + 1] >= last) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where one of the condition's words or phrases stands among the {@code within} words before the hit (the
     * first char of the phrase, which must end there) or after it (its last char, the phrase starting there),
     * or -1.
     */
    private int holds(CompiledRules.Condition condition, int first, int last) {
        if (condition.side() == ContextCondition.Side.BEFORE) {
            int end = first - 2; // the last char of the word before the hit
            for (int w = 0; w < condition.within() && end > 0; w++) {
                int start = text.wordStart(end);
                for (var phrase : condition.candidates(text.chars[start])) {
                    int phraseStart = endsAt(phrase, start, end);
                    if (phraseStart >= 0) {
                        return phraseStart;
                    }
                }
                end = start - 2;
            }
        } else {
            int start = last + 2; // the first char of the word after the hit
            for (int w = 0; w < condition.within() && start < text.length - 1; w++) {
                int end = text.wordEnd(start);
                for (var phrase : condition.candidates(text.chars[start])) {
                    int phraseEnd = startsAt(phrase, start, end);
                    if (phraseEnd >= 0) {
                        return phraseEnd;
                    }
                }
                start = end + 2;
            }
        }
        return -1;
    }

    /** Where the phrase starts if its last word is {@code [start, end]} and the others come just before it, or -1. */
    private int endsAt(CompiledRules.Phrase phrase, int start, int end) {
        var chars = text.chars;
        for (int k = phrase.words().size() - 1; ; k--) {
            if (!phrase.matches(k, chars, start, end)) {
                return -1;
            }
            if (k == 0) {
                return start;
            }
            end = start - 2;
            if (end <= 0) {
                return -1;
            }
            start = text.wordStart(end);
        }
    }

    /** Where the phrase ends if its first word is {@code [start, end]} and the others follow it, or -1. */
    private int startsAt(CompiledRules.Phrase phrase, int start, int end) {
        var chars = text.chars;
        int words = phrase.words().size();
        for (int k = 0; ; k++) {
            if (!phrase.matches(k, chars, start, end)) {
                return -1;
            }
            if (k == words - 1) {
                return end;
            }
            start = end + 2;
            if (start >= text.length - 1) {
                return -1;
            }
            end = text.wordEnd(start);
        }
    }
}
