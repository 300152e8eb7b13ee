package news.moderation.service.rulesets;

import news.moderation.service.rules.Match;

/** A match as the rule-set API shows it, with the same fields as the offline {@code moderate} output. */
record MatchView(String ruleId, String category, int severity, int start, int end, String text) {

    static MatchView of(Match m) {
        return new MatchView(m.ruleId(), m.category().name(), m.severity(), m.start(), m.end(), m.excerpt());
    }
}
