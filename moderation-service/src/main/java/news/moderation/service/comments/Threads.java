package news.moderation.service.comments;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import news.moderation.contract.ModerationStatus;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments in their threads: one comment's full detail with its ancestors and nearest siblings, and a
 * whole thread as a tree.
 *
 * <pre>{@code
 * threads.detail("c-9");          // Mono<CommentDetail>, empty when there is no such comment
 * threads.tree("mh17-report");     // Mono<List<ThreadNode>>: top-level comments with their replies
 * }</pre>
 */
@Component
public class Threads {

    private static final int MAX_ANCESTORS = 20;
    private static final int SIBLINGS = 5;
    private static final int MAX_THREAD = 2_000;
    private static final int CONTEXT_TEXT = 500;

    private final Collections collections;

    Threads(Collections collections) {
        this.collections = collections;
    }

    public Mono<CommentDetail> detail(String commentId) {
        return collections.comments().flatMap(comments -> Mono.from(comments.find(Filters.eq(Fields.ID, commentId)).first())
                .flatMap(doc -> Mono.zip(ancestors(doc.getString(Fields.PARENT), new ArrayList<>()),
                                siblings(doc))
                        .map(context -> detail(doc, context.getT1(), context.getT2()))));
    }

    private Mono<List<CommentDetail.ThreadComment>> ancestors(String parentId, List<CommentDetail.ThreadComment> found) {
        if (parentId == null || found.size() >= MAX_ANCESTORS) {
            return Mono.just(found);
        }
        return collections.comments().flatMap(comments -> Mono.from(comments.find(Filters.eq(Fields.ID, parentId)).first()))
                .flatMap(parent -> {
                    found.add(0, threadComment(parent));
                    return ancestors(parent.getString(Fields.PARENT), found);
                })
                .defaultIfEmpty(found);
    }

    private Mono<List<CommentDetail.ThreadComment>> siblings(Document doc) {
        var filter = Filters.and(Filters.eq(Fields.THREAD, doc.getString(Fields.THREAD)),
                Filters.eq(Fields.PARENT, doc.getString(Fields.PARENT)), Filters.ne(Fields.ID, doc.getString(Fields.ID)));
        var postedAt = doc.getDate(Fields.POSTED_AT);
        return collections.comments().flatMapMany(comments -> Flux.from(comments.find(filter)
                        .sort(Sorts.ascending(Fields.POSTED_AT)).limit(MAX_THREAD)))
                .map(Threads::threadComment)
                .collectList()
                .map(all -> all.stream()
                        .sorted(Comparator.comparingLong(s -> Math.abs(s.postedAt().toEpochMilli() - postedAt.getTime())))
                        .limit(SIBLINGS)
                        .sorted(Comparator.comparing(CommentDetail.ThreadComment::postedAt))
                        .toList());
    }

    public Mono<List<ThreadNode>> tree(String threadId) {
        return collections.comments().flatMapMany(comments -> Flux.from(comments.find(Filters.eq(Fields.THREAD, threadId))
                        .sort(Sorts.ascending(Fields.POSTED_AT)).limit(MAX_THREAD)))
                .collectList()
                .map(Threads::tree);
    }

    private static List<ThreadNode> tree(List<Document> docs) {
        var children = new HashMap<String, List<Document>>();
        var ids = new java.util.HashSet<String>();
        docs.forEach(d -> ids.add(d.getString(Fields.ID)));
        var roots = new ArrayList<Document>();
        for (var d : docs) {
            var parent = d.getString(Fields.PARENT);
            if (parent == null || !ids.contains(parent)) {
                roots.add(d);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(d);
            }
        }
        return roots.stream().map(r -> node(r, children, 0)).toList();
    }

    private static ThreadNode node(Document d, Map<String, List<Document>> children, int depth) {
        var replies = depth > 100 ? List.<ThreadNode>of() : children.getOrDefault(d.getString(Fields.ID), List.of())
                .stream().map(c -> node(c, children, depth + 1)).toList();
        return new ThreadNode(d.getString(Fields.ID), d.getString(Fields.AUTHOR_NAME), Documents.status(d),
                Documents.instant(d.getDate(Fields.POSTED_AT)), shorten(d.getString(Fields.TEXT)), replies);
    }

    private static CommentDetail.ThreadComment threadComment(Document d) {
        return new CommentDetail.ThreadComment(d.getString(Fields.ID), d.getString(Fields.PARENT),
                d.getString(Fields.AUTHOR_NAME), Documents.status(d), Documents.instant(d.getDate(Fields.POSTED_AT)),
                shorten(d.getString(Fields.TEXT)));
    }

    private static String shorten(String text) {
        return text == null || text.length() <= CONTEXT_TEXT ? text : text.substring(0, CONTEXT_TEXT) + "…";
    }

    private static CommentDetail detail(Document d, List<CommentDetail.ThreadComment> ancestors,
                                        List<CommentDetail.ThreadComment> siblings) {
        var history = new ArrayList<CommentDetail.HistoryEntry>();
        for (var h : d.getList(Fields.HISTORY, Document.class, List.of())) {
            history.add(new CommentDetail.HistoryEntry(Documents.instant(h.getDate("at")), h.getString("by"),
                    ModerationStatus.valueOf(h.getString(Fields.STATUS)), h.getString(Fields.REASON),
                    h.getString(Fields.RULE_SET_VERSION)));
        }
        return new CommentDetail(d.getString(Fields.ID), d.getString(Fields.SITE), d.getString(Fields.THREAD),
                d.getString(Fields.THREAD_TITLE), d.getString(Fields.THREAD_URL), d.getString(Fields.PARENT),
                d.getString(Fields.AUTHOR), d.getString(Fields.AUTHOR_NAME), d.getString(Fields.TEXT),
                Documents.instant(d.getDate(Fields.POSTED_AT)), Documents.instant(d.getDate(Fields.RECEIVED_AT)),
                Documents.status(d), d.getInteger(Fields.SCORE, 0), Documents.reasonsOf(d),
                d.getString(Fields.RULE_SET_VERSION), Documents.version(d), d.getString(Fields.DECIDED_BY),
                Documents.instant(d.getDate(Fields.DECIDED_AT)), history, ancestors, siblings);
    }
}
