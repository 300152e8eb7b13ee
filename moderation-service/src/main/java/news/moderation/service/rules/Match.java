package news.moderation.service.rules;

/**
 * One rule hit, with UTF-16 offsets into the original text: {@code text.substring(start, end)} is what
 * the reader wrote, e.g. {@code Match("epithet.dwarf", EPITHET, 3, 8, 17, "the dwarf")}.
 */
public record Match(String ruleId, Category category, int severity, int start, int end, String excerpt) {
}
