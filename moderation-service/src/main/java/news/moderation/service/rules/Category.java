package news.moderation.service.rules;

/** What kind of abuse a rule catches; a bounded set, safe as a metric tag. */
public enum Category {
    INSULT,
    EPITHET,
    SLUR,
    DEHUMANISATION,
    THREAT,
    PROFANITY,
    SPAM
}
