package news.moderation.service.rules;

/** The rules' decision on a comment, from its score and the configured thresholds. */
public enum Decision {
    APPROVE,
    REVIEW,
    HIDE
}
