package news.moderation.service.rules;

/**
 * Severity at or above which a comment is held for review or hidden, e.g. {@code new Thresholds(2, 5)}:
 * severity 1 is recorded but approved, 2 to 4 go to the queue, 5 is hidden at once.
 */
public record Thresholds(int reviewAt, int hideAt) {

    public Thresholds {
        if (reviewAt < 1 || hideAt < reviewAt) {
            throw new IllegalArgumentException("need 1 <= reviewAt <= hideAt, got " + reviewAt + ", " + hideAt);
        }
    }
}
