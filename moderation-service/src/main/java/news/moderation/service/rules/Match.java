package news.moderation.service.rules;

/**
 * One rule hit, with half-open UTF-16 offsets into the original text: {@code text.substring(start, end)}
 * is what the reader wrote, e.g. {@code Match("epithet.dwarf", EPITHET, 3, 4, 13, "the dwarf")}.
 * {@code quoted} is true when the words sit in a quotation of the parent comment.
 */
public record Match(String ruleId, Category category, int severity, int start, int end, String excerpt,
                    boolean quoted) {

    public Match(String ruleId, Category category, int severity, int start, int end, String excerpt) {
        this(ruleId, category, severity, start, end, excerpt, false);
    }
}
