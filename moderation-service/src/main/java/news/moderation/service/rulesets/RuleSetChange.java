package news.moderation.service.rulesets;

/** What came of saving or activating a rule-set version. */
sealed interface RuleSetChange {

    record Saved(RuleSetVersion version) implements RuleSetChange {
    }

    record Activated(RuleSetVersion version, int remoderated) implements RuleSetChange {
    }

    /** Someone saved a newer version since {@code baseVersion}; the client must re-read and redo its edit. */
    record Conflict(long latest) implements RuleSetChange {
    }

    /** The rules do not validate or compile; nothing was stored, the rules in force are unchanged. */
    record Invalid(String reason) implements RuleSetChange {
    }

    record NotFound(String what) implements RuleSetChange {
    }
}
