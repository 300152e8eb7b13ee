package news.moderation.service.authors;

/**
 * How the pipeline treats an author's new comments: {@code TRUSTED} lets low-severity matches through,
 * {@code PREMOD} holds every comment for review, {@code BANNED} hides every comment.
 */
public enum AuthorStatus {
    TRUSTED,
    NORMAL,
    PREMOD,
    BANNED
}
