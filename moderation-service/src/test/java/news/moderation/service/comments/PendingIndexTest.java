package news.moderation.service.comments;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.moderation.contract.ModerationStatus;
import news.moderation.local.TestServices;
import news.moderation.service.rules.Category;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-memory order of the pending queue against the MongoDB queries it stands in for: the same pages,
 * never a decided comment, and comments other instances queued once they are announced. Runs on the test
 * MongoDB (real when {@code MONGODB_URI} is set).
 */
class PendingIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final String[] SITES = {"daily", "weekly"};
    private static final String[] THREADS = {"t-budget", "t-war", "t-bus", "t-vote"};
    private static final String[] AUTHORS = {"anna", "boris", "олег"};
    private static final Category[] CATEGORIES = {Category.EPITHET, Category.INSULT, Category.THREAT, Category.SHOUTING};

    private static MongoClient client;
    private ReactiveMongoTemplate mongo;
    private Collections collections;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestServices.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void database() {
        mongo = new ReactiveMongoTemplate(client, TestServices.uniqueName("pending-index"));
        collections = new Collections(mongo);
    }

    @Test
    void pagesFromTheIndexAreThePagesOfTheMongoQueriesForEveryFilterOrderAndCursor() {
        var random = new SplittableRandom(20261202);
        insert(randomEntries(random, 150));
        var warm = index(true, 1000);
        warm.reload().block();
        var fromIndex = queue(warm);
        var fromMongo = queue(index(false, 1000));

        int nonEmpty = 0;
        for (int q = 0; q < 60; q++) {
            var query = randomQuery(random);
            var expected = walk(fromMongo, query);
            assertThat(walk(fromIndex, query)).as("%s", query).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("queries that found something").isGreaterThan(40);
        assertThat(fromIndex.oldestPendingReceivedAt().block()).isEqualTo(fromMongo.oldestPendingReceivedAt().block())
                .isEqualTo(T0);
    }

    @Test
    void aCommentDecidedWithoutTheIndexKnowingIsNeverShownAndThePageStillFills() {
        insert(List.of(entry("c1", 5, 1), entry("c2", 4, 2), entry("c3", 3, 3), entry("c4", 2, 4)));
        var index = index(true, 1000);
        index.reload().block();
        var queue = queue(index);
        collection().flatMap(q -> Mono.from(q.updateOne(Filters.eq(Fields.ID, "c1"),
                Updates.set(Fields.STATE, Collections.DECIDED)))).block();
        collection().flatMap(q -> Mono.from(q.deleteOne(Filters.eq(Fields.ID, "c2")))).block();

        var page = queue.pageWithoutAuthors(query(QueueQuery.Order.PRIORITY, 2)).block();

        assertThat(page.items()).extracting(QueueItem::commentId).containsExactly("c3", "c4");
        assertThat(page.next()).isNull();
        assertThat(index.ids(query(QueueQuery.Order.PRIORITY, 10)).orElseThrow().collectList().block())
                .as("the index forgot them").containsExactly("c3", "c4");
    }

    @Test
    void aCommentQueuedByAnotherInstanceAppearsOnceAnnounced() {
        insert(List.of(entry("mine", 3, 1)));
        var index = index(true, 1000);
        index.reload().block();
        var queue = queue(index);
        insert(List.of(entry("theirs", 5, 2)));
        assertThat(ids(queue, query(QueueQuery.Order.PRIORITY, 10))).containsExactly("mine");

        queue.follow("theirs", ModerationStatus.PENDING);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ids(queue, query(QueueQuery.Order.PRIORITY, 10))).containsExactly("theirs", "mine"));
        queue.follow("theirs", ModerationStatus.HIDDEN);
        assertThat(index.ids(query(QueueQuery.Order.PRIORITY, 10)).orElseThrow().collectList().block())
                .containsExactly("mine");
    }

    @Test
    void aQueueLongerThanTheLimitIsServedByMongoQueries() {
        insert(randomEntries(new SplittableRandom(7), 12));
        var small = index(true, 10);
        small.reload().block();

        assertThat(small.ids(query(QueueQuery.Order.NEWEST, 50))).isEmpty();
        assertThat(walk(queue(small), query(QueueQuery.Order.NEWEST, 5))).hasSize(12);
    }

    @Test
    void mongoStringOrderIsCodePointOrder() {
        assertThat(PendingIndex.BINARY.compare("b", "ab")).isPositive();
        assertThat(PendingIndex.BINARY.compare("a", "ab")).isNegative();
        assertThat(PendingIndex.BINARY.compare("ab", "ab")).isZero();
        // UTF-16 order (String.compareTo) puts U+FF21 after the surrogate pair of U+1F600; UTF-8 bytes and code
        // points do not
        assertThat(PendingIndex.BINARY.compare("\uFF21", "\uD83D\uDE00")).isNegative();
    }

    private PendingIndex index(boolean enabled, int maxEntries) {
        return new PendingIndex(collections, new QueueIndexProperties(enabled, maxEntries, Duration.ofMinutes(2)),
                new SimpleMeterRegistry());
    }

    private ReviewQueue queue(PendingIndex index) {
        // no author records here: pageWithoutAuthors never asks for them
        return new ReviewQueue(collections, null, index, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static List<String> walk(ReviewQueue queue, QueueQuery first) {
        var ids = new ArrayList<String>();
        var query = first;
        while (true) {
            var page = queue.pageWithoutAuthors(query).block();
            page.items().forEach(item -> ids.add(item.commentId()));
            if (page.next() == null) {
                return ids;
            }
            assertThat(page.items()).hasSize(first.limit());
            query = new QueueQuery(first.status(), first.siteId(), first.threadId(), first.category(),
                    first.minSeverity(), first.authorId(), null, first.order(), Cursor.decode(page.next()), first.limit());
        }
    }

    private static List<String> ids(ReviewQueue queue, QueueQuery query) {
        return queue.pageWithoutAuthors(query).block().items().stream().map(QueueItem::commentId).toList();
    }

    private static QueueQuery query(QueueQuery.Order order, int limit) {
        return new QueueQuery(ModerationStatus.PENDING, null, null, null, null, null, null, order, null, limit);
    }

    private static QueueQuery randomQuery(SplittableRandom random) {
        var orders = QueueQuery.Order.values();
        return new QueueQuery(ModerationStatus.PENDING,
                random.nextInt(3) == 0 ? SITES[random.nextInt(SITES.length)] : null,
                random.nextInt(4) == 0 ? THREADS[random.nextInt(THREADS.length)] : null,
                random.nextInt(4) == 0 ? CATEGORIES[random.nextInt(CATEGORIES.length)] : null,
                random.nextInt(4) == 0 ? random.nextInt(5) : null,
                random.nextInt(5) == 0 ? AUTHORS[random.nextInt(AUTHORS.length)] : null,
                null, orders[random.nextInt(orders.length)], null, new int[]{4, 9, 50}[random.nextInt(3)]);
    }

    private static List<Document> randomEntries(SplittableRandom random, int count) {
        var docs = new ArrayList<Document>(count);
        for (int i = 0; i < count; i++) {
            docs.add(randomEntry(random, i));
        }
        return docs;
    }

    /** Few distinct scores and instants, so that ties are common and the tie-breakers are what is tested. */
    private static Document randomEntry(SplittableRandom random, int i) {
        var categories = new ArrayList<String>();
        for (var category : CATEGORIES) {
            if (random.nextInt(3) == 0) {
                categories.add(category.name());
            }
        }
        var id = (random.nextBoolean() ? "c-" : "к-") + Integer.toString(random.nextInt(1_000_000), 36) + "-" + i;
        return queued(id, SITES[random.nextInt(SITES.length)], THREADS[random.nextInt(THREADS.length)],
                AUTHORS[random.nextInt(AUTHORS.length)], random.nextInt(7), random.nextInt(20), categories);
    }

    private static Document entry(String id, int score, int minute) {
        return queued(id, "daily", "t-budget", "anna", score, minute, List.of(Category.INSULT.name()));
    }

    private static Document queued(String id, String site, String thread, String author, int score, int minute,
                                   List<String> categories) {
        return new Document(Fields.ID, id).append(Fields.SITE, site).append(Fields.THREAD, thread)
                .append(Fields.THREAD_TITLE, "Budget vote").append(Fields.AUTHOR, author)
                .append(Fields.AUTHOR_NAME, author).append(Fields.TEXT, "text of " + id)
                .append(Fields.POSTED_AT, Date.from(T0.plusSeconds(60L * minute)))
                .append(Fields.RECEIVED_AT, Date.from(T0.plusSeconds(60L * minute)))
                .append(Fields.SCORE, score).append(Fields.CATEGORIES, categories).append(Fields.REASONS, List.of())
                .append(Fields.RULE_SET_VERSION, "test").append(Fields.VERSION, 1L)
                .append(Fields.STATUS, ModerationStatus.PENDING.name());
    }

    private void insert(List<Document> docs) {
        collection().flatMap(q -> Mono.from(q.insertMany(docs))).block();
    }

    private Mono<com.mongodb.reactivestreams.client.MongoCollection<Document>> collection() {
        return collections.queue();
    }
}
