package news.moderation.service.rules;

import java.util.List;

/**
 * One rule of a pack: terms of one category and severity. A term is one or more words; a trailing
 * {@code *} on its last word matches any ending ({@code dwarfstan*} catches "Dwarfstanian").
 */
public record Rule(String id, Category category, int severity, List<String> terms) {

    public Rule {
        terms = List.copyOf(terms);
    }
}
