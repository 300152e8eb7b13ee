package news.moderation.service.comments;

import news.moderation.contract.ModerationStatus;
import news.moderation.service.rules.Category;

/**
 * A typed queue query: every filter is a value of its own type, never text passed to MongoDB.
 *
 * <pre>{@code
 * new QueueQuery(ModerationStatus.PENDING, "daily-news", null, Category.EPITHET, 3, null, null,
 *         QueueQuery.Order.PRIORITY, null, 50)
 * }</pre>
 *
 * @param cursor from the previous page's {@code next}, or null for the first page
 */
public record QueueQuery(ModerationStatus status, String siteId, String threadId, Category category,
                         Integer minSeverity, String authorId, String claimedBy, Order order, Cursor cursor, int limit) {

    public enum Order {
        /** Highest score first, then oldest. */
        PRIORITY,
        OLDEST,
        NEWEST
    }

    public QueueQuery {
        status = status == null ? ModerationStatus.PENDING : status;
        order = order == null ? Order.NEWEST : order;
    }
}
