package news.moderation.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A reader's comment handed over by a site, as published on {@code comments.submitted} keyed by
 * {@code threadId} (so one thread's comments stay in order on one partition).
 *
 * <pre>{@code
 * var event = CommentSubmitted.of(UUID.randomUUID(), "c-1", "daily-news", "t-9", "Title", null, null,
 *         "u-7", "Reader", "All the dwarf has to do is turn off the gas.", postedAt, receivedAt);
 * byte[] json = ContractJson.write(event);
 * }</pre>
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} for records written by this code
 * @param threadTitle   optional
 * @param threadUrl     optional, http(s)
 * @param parentId      optional: the comment this one replies to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentSubmitted(
        int schemaVersion,
        UUID eventId,
        String commentId,
        String siteId,
        String threadId,
        String threadTitle,
        String threadUrl,
        String parentId,
        String authorId,
        String authorName,
        String text,
        Instant postedAt,
        Instant receivedAt) {

    /** The schema version this code writes and the only one it reads. */
    public static final int SCHEMA_VERSION = 1;

    /** Builds an event of the current {@link #SCHEMA_VERSION}. */
    public static CommentSubmitted of(UUID eventId, String commentId, String siteId, String threadId,
                                      String threadTitle, String threadUrl, String parentId,
                                      String authorId, String authorName, String text,
                                      Instant postedAt, Instant receivedAt) {
        return new CommentSubmitted(SCHEMA_VERSION, eventId, commentId, siteId, threadId, threadTitle,
                threadUrl, parentId, authorId, authorName, text, postedAt, receivedAt);
    }
}
