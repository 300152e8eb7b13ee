package news.moderation.service.rulesets;

import java.time.Instant;

/** One immutable version of a rule set: its rules, who made it, when, and what changed. */
record RuleSetVersion(String rulesetId, long version, RuleSetContent content, String author, Instant createdAt,
                      String summary) {

    String label() {
        return rulesetId + "@" + version;
    }
}
