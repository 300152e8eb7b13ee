package news.moderation.service.rules;

/**
 * A rule about the shape of a text rather than its words.
 *
 * <ul>
 *   <li>{@code SHOUTING}: at least {@code minimum} letters, of which a share of {@code threshold} or more
 *       are capitals;</li>
 *   <li>{@code LINKS}: at least {@code minimum} links;</li>
 *   <li>{@code REPEATED}: one character repeated {@code minimum} times or more in a row.</li>
 * </ul>
 */
public record StructuralRule(String id, Kind kind, Category category, int severity, int minimum, double threshold) {

    public enum Kind {
        SHOUTING,
        LINKS,
        REPEATED
    }
}
