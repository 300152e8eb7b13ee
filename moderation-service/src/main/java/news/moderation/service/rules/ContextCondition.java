package news.moderation.service.rules;

import java.util.List;

/**
 * One of {@code words} (each may end in {@code *}) within {@code within} words before or after a hit,
 * e.g. {@code new ContextCondition(Side.BEFORE, List.of("the", "little"), 1)} for "the dwarf".
 */
public record ContextCondition(Side side, List<String> words, int within) {

    public enum Side {
        BEFORE,
        AFTER
    }

    public ContextCondition {
        words = List.copyOf(words);
    }
}
