package news.moderation.service.rules;

import java.util.List;

/**
 * One rule of a pack. Either {@code terms} (words or phrases; {@code dwarf*} matches any ending,
 * {@code *стан} any beginning) matched on normalized text, or a {@code regex} (RE2J, linear time) run on
 * the original text. {@code caseSensitive} terms are matched as written, on the original text
 * ({@code RuSSia}). A term hit counts only when one of {@code requires} holds (if any are given) and none
 * of {@code unless} does.
 *
 * @param when for regex rules: literal strings of which at least one must occur before the regex runs
 */
public record Rule(String id, Category category, int severity, List<String> terms, String regex,
                   boolean caseSensitive, List<String> when, List<ContextCondition> requires,
                   List<ContextCondition> unless) {

    public Rule {
        terms = List.copyOf(terms);
        when = List.copyOf(when);
        requires = List.copyOf(requires);
        unless = List.copyOf(unless);
    }

    /** A plain term rule without context, e.g. {@code Rule.terms("insult.idiot", INSULT, 3, "idiot*")}. */
    public static Rule terms(String id, Category category, int severity, String... terms) {
        return new Rule(id, category, severity, List.of(terms), null, false, List.of(), List.of(), List.of());
    }
}
