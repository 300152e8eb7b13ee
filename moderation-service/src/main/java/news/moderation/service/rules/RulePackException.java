package news.moderation.service.rules;

/** A rule pack that cannot be loaded; the message names the source, the rule and the reason. */
public final class RulePackException extends RuntimeException {

    public RulePackException(String message) {
        super(message);
    }
}
