package news.moderation.contract;

/**
 * Why one field of a comment is unacceptable, e.g. {@code new Violation("text", "must not be blank")}.
 */
public record Violation(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
