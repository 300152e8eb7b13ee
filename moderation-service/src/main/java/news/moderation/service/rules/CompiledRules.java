package news.moderation.service.rules;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;

/** Rule packs compiled for matching: one automaton for every term and allow phrase, plus regexes. */
final class CompiledRules {

    /** A term or allow phrase as the automaton knows it. */
    record Term(int rule, boolean anchoredStart, boolean anchoredEnd, byte[] runs, int letters) {
        boolean isAllow() {
            return rule < 0;
        }
    }

    /** A context word: normalized, with an open end when written with {@code *}. */
    record Word(String text, boolean open) {
        boolean matches(char[] chars, int start, int end) {
            int length = end - start + 1;
            if (open ? length < text.length() : length != text.length()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (chars[start + i] != text.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Condition(ContextCondition.Side side, List<Word> words, int within) {
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

    CompiledRules(List<RulePack> packs) {
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
                rules.add(new CompiledRule(rule, conditions(rule.requires()), conditions(rule.unless())));
                if (rule.regex() != null) {
                    regexes.add(new RegexRule(rule, Pattern.compile(rule.regex()), rule.when()));
                } else if (rule.caseSensitive()) {
                    // a case-sensitive term can only match where its literal core occurs: check that first
                    regexes.add(new RegexRule(rule, caseSensitivePattern(rule.terms()), cores(rule.terms())));
                } else {
                    for (var term : rule.terms()) {
                        add(term, index, patterns);
                    }
                }
            }
            for (var phrase : pack.allow()) {
                add(phrase, -1, patterns);
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
        automaton = new Automaton(patterns);
    }

    private void add(String term, int rule, List<String> patterns) {
        var text = term.strip();
        boolean openStart = text.startsWith("*");
        boolean openEnd = text.endsWith("*") && text.length() > 1;
        var core = text.substring(openStart ? 1 : 0, text.length() - (openEnd ? 1 : 0));
        var normalized = TextNormalizer.normalize(core);
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

    private static List<Condition> conditions(List<ContextCondition> conditions) {
        var compiled = new ArrayList<Condition>();
        for (var condition : conditions) {
            var words = new ArrayList<Word>();
            for (var word : condition.words()) {
                var text = word.strip();
                boolean open = text.endsWith("*");
                var normalized = TextNormalizer.normalize(open ? text.substring(0, text.length() - 1) : text).text().strip();
                // a context phrase of several words is matched by its last word next to the hit: keep it simple
                for (var part : normalized.split(" ")) {
                    words.add(new Word(part, open));
                }
            }
            compiled.add(new Condition(condition.side(), words, condition.within()));
        }
        return compiled;
    }

    private static List<String> cores(List<String> terms) {
        return terms.stream().map(t -> {
            var text = t.strip();
            return text.substring(text.startsWith("*") ? 1 : 0, text.length() - (text.endsWith("*") && text.length() > 1 ? 1 : 0));
        }).toList();
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
