package news.moderation.service.rules;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule packs compiled for matching: one automaton for every term and allow phrase (and the regex
 * prefilter's normalized factors), plus regexes.
 */
final class CompiledRules {

    /** A term or allow phrase as the automaton knows it. */
    record Term(int rule, boolean anchoredStart, boolean anchoredEnd, byte[] runs, int letters) {
        boolean isAllow() {
            return rule < 0;
        }
    }

    /**
     * A context word or phrase, normalized as terms are (so "littttle", "l1ttle" and "littlе" with a Cyrillic
     * е all read "little"), one entry per word; the last word has an open end when written with {@code *}.
     */
    record Phrase(List<String> words, boolean open, char[][] letters) {

        Phrase(List<String> words, boolean open) {
            this(words, open, lettersOf(words));
        }

        private static char[][] lettersOf(List<String> words) {
            var letters = new char[words.size()][];
            for (int k = 0; k < letters.length; k++) {
                letters[k] = words.get(k).toCharArray();
            }
            return letters;
        }

        /** Whether word {@code k} of the phrase is the normalized word {@code chars[start..end]}. */
        boolean matches(int k, char[] chars, int start, int end) {
            var word = letters[k];
            int length = end - start + 1;
            boolean openEnd = open && k == letters.length - 1;
            if (openEnd ? length < word.length : length != word.length) {
                return false;
            }
            for (int i = 0; i < word.length; i++) {
                if (chars[start + i] != word[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * {@code byInitial}: the phrases, in their order, that could stand next to a hit whose neighbouring word
     * starts with a char {@code c}, at {@code c & INITIALS - 1}: those whose word next to the hit (the last
     * one before it, the first one after it) starts with such a char. A context list holds up to a hundred
     * words, and a common word ("sad", "slow") hits in many comments: trying only these is what makes the
     * check cheap. Same answers as trying them all, since a phrase whose word starts otherwise cannot match.
     */
    record Condition(ContextCondition.Side side, List<Phrase> phrases, int within, Phrase[][] byInitial) {

        static final int INITIALS = 64;

        Condition(ContextCondition.Side side, List<Phrase> phrases, int within) {
            this(side, phrases, within, byInitial(side, phrases));
        }

        private static Phrase[][] byInitial(ContextCondition.Side side, List<Phrase> phrases) {
            var buckets = new Phrase[INITIALS][];
            for (int b = 0; b < INITIALS; b++) {
                var bucket = new ArrayList<Phrase>();
                for (var phrase : phrases) {
                    var word = phrase.letters()[side == ContextCondition.Side.BEFORE ? phrase.letters().length - 1 : 0];
                    // an empty word (an open end alone) matches any word
                    if (word.length == 0 || (word[0] & (INITIALS - 1)) == b) {
                        bucket.add(phrase);
                    }
                }
                buckets[b] = bucket.toArray(Phrase[]::new);
            }
            return buckets;
        }

        /** The phrases that may match where the word next to the hit starts with {@code initial}, in order. */
        Phrase[] candidates(char initial) {
            return byInitial[initial & (INITIALS - 1)];
        }
    }

    record CompiledRule(Rule rule, List<Condition> requires, List<Condition> unless) {
    }

    record RegexRule(Rule rule, Pattern pattern, List<String> when) {
    }

    final List<CompiledRule> rules = new ArrayList<>();
    final List<Term> terms = new ArrayList<>();
    final List<RegexRule> regexes = new ArrayList<>();
    final List<StructuralRule> structural = new ArrayList<>();
    final Automaton automaton;
    /** Which regexes could match a text: partly from the automaton's pass, which also finds their factors. */
    final RegexPrefilter regexFilter;

    CompiledRules(List<RulePack> packs) {
        // one normalizer for every term and context word (its result is copied out before the next one)
        var normalizer = new TextNormalizer();
        var patterns = new ArrayList<String>();
        var seen = new java.util.HashMap<String, String>();
        for (var pack : packs) {
            for (var rule : pack.rules()) {
                var previous = seen.putIfAbsent(rule.id(), pack.name());
                if (previous != null) {
                    throw new RulePackException(pack.name() + ": rule '" + rule.id() + "': duplicate id (also in pack "
                            + previous + ")");
                }
                int index = rules.size();
                rules.add(new CompiledRule(rule, conditions(rule.requires(), normalizer), conditions(rule.unless(), normalizer)));
                if (rule.regex() != null) {
                    regexes.add(new RegexRule(rule, Pattern.compile(rule.regex()), rule.when()));
                } else if (rule.caseSensitive()) {
                    // a case-sensitive term can only match where its literal core occurs: check that first
                    regexes.add(new RegexRule(rule, caseSensitivePattern(rule.terms()), cores(rule.terms())));
                } else {
                    for (var term : rule.terms()) {
                        add(term, index, patterns, normalizer);
                    }
                }
            }
            for (var phrase : pack.allow()) {
                add(phrase, -1, patterns, normalizer);
            }
            for (var rule : pack.structural()) {
                var previous = seen.putIfAbsent(rule.id(), pack.name());
                if (previous != null) {
                    throw new RulePackException(pack.name() + ": rule '" + rule.id() + "': duplicate id (also in pack "
                            + previous + ")");
                }
                structural.add(rule);
            }
        }
        regexFilter = new RegexPrefilter(regexes);
        // after the terms: a pattern numbered past them stands for a regex factor (TermHits tells them apart)
        patterns.addAll(regexFilter.normalizedPatterns);
        automaton = new Automaton(patterns);
    }

    private void add(String term, int rule, List<String> patterns, TextNormalizer normalizer) {
        var text = term.strip();
        boolean openStart = text.startsWith("*");
        boolean openEnd = text.endsWith("*") && text.length() > 1;
        var core = text.substring(openStart ? 1 : 0, text.length() - (openEnd ? 1 : 0));
        var normalized = normalizer.normalize(core, false);
        // " core " without its anchoring spaces
        int from = 1;
        int to = normalized.length - 1;
        if (to <= from) {
            throw new RulePackException("term '" + term + "' has no letters or digits");
        }
        var pattern = new StringBuilder();
        if (!openStart) {
            pattern.append(' ');
        }
        pattern.append(normalized.chars, from, to - from);
        if (!openEnd) {
            pattern.append(' ');
        }
        var runs = new byte[to - from];
        System.arraycopy(normalized.runs, from, runs, 0, runs.length);
        patterns.add(pattern.toString());
        terms.add(new Term(rule, !openStart, !openEnd, runs, to - from));
    }

    private static List<Condition> conditions(List<ContextCondition> conditions, TextNormalizer normalizer) {
        var compiled = new ArrayList<Condition>();
        for (var condition : conditions) {
            var phrases = new ArrayList<Phrase>();
            for (var word : condition.words()) {
                var text = word.strip();
                boolean open = text.endsWith("*");
                var normalized = normalizer.normalize(open ? text.substring(0, text.length() - 1) : text, false).text().strip();
                // "should be" is a phrase: both words, in this order, next to each other
                phrases.add(new Phrase(List.of(normalized.split(" ")), open));
            }
            compiled.add(new Condition(condition.side(), List.copyOf(phrases), condition.within()));
        }
        return List.copyOf(compiled);
    }

    private static List<String> cores(List<String> terms) {
        var cores = new ArrayList<String>(terms.size());
        for (var term : terms) {
            var text = term.strip();
            cores.add(text.substring(text.startsWith("*") ? 1 : 0,
                    text.length() - (text.endsWith("*") && text.length() > 1 ? 1 : 0)));
        }
        return List.copyOf(cores);
    }

    /** Case-sensitive terms match as written, at word boundaries of the original text. */
    private static Pattern caseSensitivePattern(List<String> terms) {
        var alternatives = new ArrayList<String>();
        for (var term : terms) {
            var text = term.strip();
            boolean openStart = text.startsWith("*");
            boolean openEnd = text.endsWith("*") && text.length() > 1;
            var core = text.substring(openStart ? 1 : 0, text.length() - (openEnd ? 1 : 0));
            alternatives.add((openStart ? "[\\p{L}\\p{M}\\p{N}]*" : "") + Pattern.quote(core)
                    + (openEnd ? "[\\p{L}\\p{M}\\p{N}]*" : ""));
        }
        return Pattern.compile("(?:^|[^\\p{L}\\p{M}\\p{N}])(" + String.join("|", alternatives) + ")(?:[^\\p{L}\\p{M}\\p{N}]|$)");
    }
}
