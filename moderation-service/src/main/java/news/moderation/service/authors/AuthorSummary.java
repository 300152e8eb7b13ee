package news.moderation.service.authors;

/**
 * An author's record as moderators see it beside each comment, e.g.
 * {@code AuthorSummary("u-7", "Reader", NORMAL, 42, 39, 1, 2)}.
 */
public record AuthorSummary(String authorId, String name, AuthorStatus status, long seen, long approved, long pending,
                            long hidden) {

    static AuthorSummary unknown(String authorId) {
        return new AuthorSummary(authorId, null, AuthorStatus.NORMAL, 0, 0, 0, 0);
    }
}
