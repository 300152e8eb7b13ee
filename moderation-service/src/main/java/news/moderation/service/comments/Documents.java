package news.moderation.service.comments;

import news.moderation.contract.CommentModerated;
import news.moderation.contract.ModerationStatus;
import news.moderation.service.rules.Match;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Maps between the stored BSON documents and the service's values. */
final class Documents {

    /** What the queue's copy of a pending comment holds: everything the listing shows and filters on. */
    static final List<String> QUEUE_FIELDS = List.of(Fields.SITE, Fields.THREAD, Fields.THREAD_TITLE, Fields.PARENT,
            Fields.PARENT_EXCERPT, Fields.AUTHOR, Fields.AUTHOR_NAME, Fields.TEXT, Fields.POSTED_AT, Fields.RECEIVED_AT,
            Fields.SCORE, Fields.CATEGORIES, Fields.REASONS, Fields.RULE_SET_VERSION, Fields.VERSION, Fields.STATUS);

    private Documents() {
    }

    static Document newComment(AutomaticVerdict v, UUID eventId, Instant now) {
        var c = v.comment();
        var status = v.status();
        var doc = new Document()
                .append(Fields.SITE, c.siteId())
                .append(Fields.THREAD, c.threadId())
                .append(Fields.THREAD_TITLE, c.threadTitle())
                .append(Fields.THREAD_URL, c.threadUrl())
                .append(Fields.PARENT, c.parentId())
                .append(Fields.AUTHOR, c.authorId())
                .append(Fields.AUTHOR_NAME, c.authorName())
                .append(Fields.TEXT, c.text())
                .append(Fields.PARENT_EXCERPT, v.parentExcerpt())
                .append(Fields.POSTED_AT, date(c.postedAt()))
                .append(Fields.RECEIVED_AT, date(c.receivedAt()))
                .append(Fields.STATUS, status.name())
                .append(Fields.VERSION, 1L)
                .append(Fields.SCORE, v.verdict().score())
                .append(Fields.REASONS, reasons(v.verdict().matches()))
                .append(Fields.CATEGORIES, v.verdict().matches().stream().map(m -> m.category().name()).distinct().toList())
                .append(Fields.RULE_SET_VERSION, v.verdict().ruleSetVersion())
                .append(Fields.DECIDED_BY, CommentModerated.DECIDED_BY_RULES)
                .append(Fields.DECIDED_AT, date(now));
        doc.append(Fields.HISTORY, List.of(historyEntry(now, CommentModerated.DECIDED_BY_RULES, status, v.policy(),
                v.verdict().ruleSetVersion())));
        doc.append(Fields.OUTBOX, List.of(outboxEntry(eventId, status, CommentModerated.DECIDED_BY_RULES, now)));
        return doc;
    }

    static Document historyEntry(Instant at, String by, ModerationStatus status, String reason, String ruleSetVersion) {
        var entry = new Document("at", date(at)).append("by", by).append(Fields.STATUS, status.name());
        if (reason != null) {
            entry.append(Fields.REASON, reason);
        }
        if (ruleSetVersion != null) {
            entry.append(Fields.RULE_SET_VERSION, ruleSetVersion);
        }
        return entry;
    }

    static Document outboxEntry(UUID eventId, ModerationStatus status, String decidedBy, Instant decidedAt) {
        return new Document(Fields.EVENT_ID, eventId.toString())
                .append(Fields.STATUS, status.name())
                .append(Fields.DECIDED_BY, decidedBy)
                .append(Fields.DECIDED_AT, date(decidedAt));
    }

    /** The queue's copy of a pending comment: everything the listing shows, nothing more. */
    static Document queueEntry(Document comment) {
        var entry = new Document(Fields.ID, comment.get(Fields.ID));
        for (var field : QUEUE_FIELDS) {
            entry.append(field, comment.get(field));
        }
        return entry;
    }

    static QueueItem queueItem(Document d, java.time.Instant now) {
        QueueItem.Claim claim = null;
        var until = d.getDate(Fields.CLAIMED_UNTIL);
        if (d.getString(Fields.CLAIMED_BY) != null && until != null && until.toInstant().isAfter(now)) {
            claim = new QueueItem.Claim(d.getString(Fields.CLAIMED_BY), until.toInstant());
        }
        var status = d.getString(Fields.STATUS) == null ? ModerationStatus.PENDING : status(d);
        return new QueueItem(d.getString(Fields.ID), d.getString(Fields.SITE), d.getString(Fields.THREAD),
                d.getString(Fields.THREAD_TITLE), d.getString(Fields.PARENT), d.getString(Fields.PARENT_EXCERPT),
                d.getString(Fields.AUTHOR), d.getString(Fields.AUTHOR_NAME), null, d.getString(Fields.TEXT),
                instant(d.getDate(Fields.POSTED_AT)), instant(d.getDate(Fields.RECEIVED_AT)), status,
                d.getInteger(Fields.SCORE, 0), reasonsOf(d), d.getString(Fields.RULE_SET_VERSION), claim, version(d));
    }

    static CommentState state(Document d) {
        return new CommentState(d.getString(Fields.ID), status(d), version(d), d.getString(Fields.DECIDED_BY),
                instant(d.getDate(Fields.DECIDED_AT)));
    }

    static CommentModerated event(Document comment, Document outboxEntry) {
        return new CommentModerated(CommentModerated.SCHEMA_VERSION,
                UUID.fromString(outboxEntry.getString(Fields.EVENT_ID)), comment.getString(Fields.ID),
                comment.getString(Fields.SITE), comment.getString(Fields.THREAD),
                ModerationStatus.valueOf(outboxEntry.getString(Fields.STATUS)),
                outboxEntry.getString(Fields.DECIDED_BY), reasonsOf(comment),
                comment.getString(Fields.RULE_SET_VERSION), instant(outboxEntry.getDate(Fields.DECIDED_AT)));
    }

    static ModerationStatus status(Document d) {
        return ModerationStatus.valueOf(d.getString(Fields.STATUS));
    }

    static long version(Document d) {
        return ((Number) d.get(Fields.VERSION)).longValue();
    }

    static List<CommentModerated.Reason> reasonsOf(Document d) {
        var stored = d.getList(Fields.REASONS, Document.class, List.of());
        var reasons = new ArrayList<CommentModerated.Reason>(stored.size());
        for (var r : stored) {
            reasons.add(new CommentModerated.Reason(r.getString("ruleId"), r.getString("category"),
                    r.getInteger("severity", 0), r.getInteger("start", 0), r.getInteger("end", 0),
                    r.getString("excerpt")));
        }
        return reasons;
    }

    private static List<Document> reasons(List<Match> matches) {
        return matches.stream().map(m -> new Document("ruleId", m.ruleId())
                .append("category", m.category().name())
                .append("severity", m.severity())
                .append("start", m.start())
                .append("end", m.end())
                .append("excerpt", m.excerpt())).toList();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
