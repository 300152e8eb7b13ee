package news.moderation.service.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects the automaton's hits, checks runs, allow phrases and context, and maps them to the original. */
final class TermHits implements Automaton.Hits {

    private final NormalizedText text;
    private final CompiledRules compiled;
    private int[] ruleHits = new int[24];
    private int ruleCount;
    private int[] allowHits;
    private int allowCount;

    TermHits(NormalizedText text, CompiledRules compiled) {
        this.text = text;
        this.compiled = compiled;
    }

    @Override
    public void hit(int pattern, int end) {
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
            if (allowHits == null) {
                allowHits = new int[8];
            }
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

    List<Match> matches(String original) {
        var matches = new ArrayList<Match>();
        for (int h = 0; h < ruleCount; h += 3) {
            int ruleIndex = ruleHits[h];
            int first = ruleHits[h + 1];
            int last = ruleHits[h + 2];
            if (allowed(first, last) || duplicate(h, ruleIndex, first, last)) {
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
                        // the word that makes it count belongs in the highlight: "the dwarf", not "dwarf"
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
            if (compiledRule.unless().stream().anyMatch(c -> holds(c, first, last) >= 0)) {
                continue;
            }
            var rule = compiledRule.rule();
            int start = text.from[spanFirst];
            int end = text.to[spanLast];
            matches.add(new Match(rule.id(), rule.category(), rule.severity(), start, end,
                    original.substring(start, end)));
        }
        return matches;
    }

    private boolean allowed(int first, int last) {
        for (int a = 0; a < allowCount; a += 2) {
            if (allowHits[a] <= first && allowHits[a + 1] >= last) {
                return true;
            }
        }
        return false;
    }

    /** A hit another hit of the same rule covers (or an identical earlier one) adds nothing. */
    private boolean duplicate(int self, int rule, int first, int last) {
        for (int h = 0; h < ruleCount; h += 3) {
            if (h == self || ruleHits[h] != rule) {
                continue;
            }
            int f = ruleHits[h + 1];
            int l = ruleHits[h + 2];
            boolean same = f == first && l == last;
            if (f <= first && l >= last && (!same || h < self)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where one of the condition's words stands among the {@code within} words before (its first char) or
     * after (its last char) the hit, or -1.
     */
    private int holds(CompiledRules.Condition condition, int first, int last) {
        var chars = text.chars;
        if (condition.side() == ContextCondition.Side.BEFORE) {
            int pos = first - 2; // skip the space before the hit
            for (int w = 0; w < condition.within() && pos > 0; w++) {
                int end = pos;
                int start = text.wordStart(end);
                for (var word : condition.words()) {
                    if (word.matches(chars, start, end)) {
                        return start;
                    }
                }
                pos = start - 2;
            }
        } else {
            int pos = last + 2;
            for (int w = 0; w < condition.within() && pos < text.length - 1; w++) {
                int start = pos;
                int end = text.wordEnd(start);
                for (var word : condition.words()) {
                    if (word.matches(chars, start, end)) {
                        return end;
                    }
                }
                pos = end + 2;
            }
        }
        return -1;
    }
}
