package news.moderation.ingest.outcome;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import news.moderation.contract.Violation;

import java.util.List;

/**
 * The answer to a batch: how many comments were accepted and rejected, and a result per comment. A JSON
 * array is answered for every element; a stream only for its rejected lines (at most {@link #MAX_LISTED}),
 * since listing every accepted line of a long stream would cost memory in proportion to the stream.
 *
 * <pre>{@code
 * {"accepted": 2, "rejected": 1, "items": [
 *   {"index": 0, "commentId": "c-1", "status": "ACCEPTED"},
 *   {"index": 1, "status": "REJECTED", "reason": "INVALID_FIELD", "detail": "invalid fields: text",
 *    "errors": [{"field": "text", "reason": "is required"}]},
 *   {"index": 2, "commentId": "c-3", "status": "ACCEPTED"}]}
 * }</pre>
 *
 * @param unlisted rejected lines of a stream beyond {@link #MAX_LISTED}, counted but not described
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchReport(int accepted, int rejected, List<Item> items, Integer unlisted) {

    public static final int MAX_LISTED = 1_000;
    static final String ACCEPTED = "ACCEPTED";
    static final String REJECTED = "REJECTED";

    public BatchReport {
        items = List.copyOf(items);
    }

    /**
     * One comment's result; {@code index} (0-based, JSON arrays) or {@code line} (1-based, NDJSON) says which.
     *
     * <pre>{@code
     * BatchReport.Item.rejected(null, 17L, null, Reason.MALFORMED_JSON, "body is not valid JSON: ...", errors)
     * }</pre>
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(Integer index, Long line, String commentId, String status, Reason reason, String detail,
                       List<Violation> errors) {

        public static Item accepted(Integer index, Long line, String commentId) {
            return new Item(index, line, commentId, ACCEPTED, null, null, null);
        }

        public static Item rejected(Integer index, Long line, String commentId, Reason reason, String detail,
                                    List<Violation> errors) {
            return new Item(index, line, commentId, REJECTED, reason, detail, List.copyOf(errors));
        }

        @JsonIgnore
        public boolean isAccepted() {
            return ACCEPTED.equals(status);
        }
    }
}
