package news.moderation.service.rules;

import java.util.Locale;

/** What kind of abuse a rule catches; a bounded set, safe as a metric tag. Packs write it in lower case. */
public enum Category {
    EPITHET,
    INSULT,
    SLUR,
    DEHUMANIZATION,
    THREAT,
    PROFANITY,
    SPAM,
    SHOUTING;

    /** The name packs use, e.g. {@code "dehumanization"}. */
    public String packName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Category fromPackName(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
