package news.moderation.service.comments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ended, as the sort key of its last item; opaque to clients. Because the next page starts
 * strictly after this key, comments arriving meanwhile never shift or repeat items.
 *
 * <pre>{@code
 * String token = cursor.encode();      // "MnwxNzAw..." in the page's "next"
 * Cursor back = Cursor.decode(token);  // throws IllegalArgumentException when tampered with
 * }</pre>
 */
public record Cursor(QueueQuery.Order order, int score, long receivedAtMillis, String commentId) {

    public String encode() {
        var raw = order.name() + "|" + score + "|" + receivedAtMillis + "|" + commentId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token) {
        try {
            var raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            var parts = raw.split("\\|", 4);
            if (parts.length != 4 || parts[3].isEmpty()) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Cursor(QueueQuery.Order.valueOf(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
                    parts[3]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this service issued", e);
        }
    }
}
