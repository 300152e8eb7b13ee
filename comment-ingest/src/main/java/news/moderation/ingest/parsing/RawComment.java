package news.moderation.ingest.parsing;

import java.time.Instant;

/**
 * A comment's fields as a source gave them, before cleaning and validation; {@code null} where absent.
 *
 * <pre>{@code
 * var raw = new RawComment("wp-12-5", "wp-12", "Gas talks", null, "wp-12-4", "wp-user-3", "Reader",
 *         "<p>Well said</p>", Instant.parse("2024-03-01T10:00:00Z"));
 * ParsedComment parsed = CommentAssembler.assemble(raw, "daily-news", EventIds.derived(), now, List.of());
 * }</pre>
 *
 * @param postedAt {@code null} means "when it was received"
 */
public record RawComment(String commentId, String threadId, String threadTitle, String threadUrl,
                         String parentId, String authorId, String authorName, String text, Instant postedAt) {
}
