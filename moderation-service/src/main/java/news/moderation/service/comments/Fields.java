package news.moderation.service.comments;

/** Field names of the stored documents, in one place so queries and writes agree. */
final class Fields {
    static final String ID = "_id";
    static final String SITE = "siteId";
    static final String THREAD = "threadId";
    static final String THREAD_TITLE = "threadTitle";
    static final String THREAD_URL = "threadUrl";
    static final String PARENT = "parentId";
    static final String AUTHOR = "authorId";
    static final String AUTHOR_NAME = "authorName";
    static final String TEXT = "text";
    static final String POSTED_AT = "postedAt";
    static final String RECEIVED_AT = "receivedAt";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String SCORE = "score";
    static final String REASONS = "reasons";
    static final String RULE_SET_VERSION = "ruleSetVersion";
    static final String DECIDED_BY = "decidedBy";
    static final String DECIDED_AT = "decidedAt";
    static final String HISTORY = "history";
    static final String OUTBOX = "outbox";
    static final String EVENT_ID = "eventId";
    static final String REASON = "reason";
    static final String PARENT_EXCERPT = "parentExcerpt";
    static final String CATEGORIES = "categories";
    static final String CLAIMED_BY = "claimedBy";
    static final String CLAIMED_UNTIL = "claimedUntil";
    static final String STATE = "state";
    static final String DECIDING_AT = "decidingAt";

    private Fields() {
    }
}
