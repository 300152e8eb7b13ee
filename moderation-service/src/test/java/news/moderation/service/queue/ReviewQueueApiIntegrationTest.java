package news.moderation.service.queue;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.service.support.IsolatedRun;
import news.moderation.service.support.KafkaTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "moderation.security.users[0].username=mod",
        "moderation.security.users[0].password={noop}pw",
        "moderation.security.users[0].roles=MODERATOR",
        "moderation.security.users[1].username=mod2",
        "moderation.security.users[1].password={noop}pw",
        "moderation.security.users[1].roles=MODERATOR",
        "moderation.security.users[2].username=boss",
        "moderation.security.users[2].password={noop}pw",
        "moderation.security.users[2].roles=ADMIN",
        "moderation.queue.claim-lease=2s",
})
@SuppressWarnings("unchecked")
class ReviewQueueApiIntegrationTest {

    static final IsolatedRun RUN = new IsolatedRun("queue");
    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RUN.register(registry);
    }

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void httpClient() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    /** Submits top-level comments in one thread and waits until they are stored; returns their ids. */
    List<String> held(String thread, String author, String... texts) {
        return submit(thread, author, false, texts);
    }

    /** Submits a chain of replies, each to the one before. */
    List<String> chain(String thread, String author, String... texts) {
        return submit(thread, author, true, texts);
    }

    private List<String> submit(String thread, String author, boolean chained, String... texts) {
        var ids = new ArrayList<String>();
        String parent = null;
        for (var text : texts) {
            var id = thread + "-" + UUID.randomUUID().toString().substring(0, 8);
            var c = CommentSubmitted.of(UUID.randomUUID(), id, "test-site", thread, "Thread " + thread, null, parent,
                    author, "Reader " + author, text, Instant.parse("2026-11-23T10:00:00Z").plusSeconds(ids.size()),
                    Instant.now());
            kafka.send(RUN.submitted(), thread, ContractJson.write(c));
            ids.add(id);
            parent = chained ? id : null;
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> storedInThread(thread).containsAll(ids));
        return ids;
    }

    /** Ids of the thread's stored comments, from one request. */
    List<String> storedInThread(String thread) {
        var result = http.get().uri("/api/v1/threads/{t}", thread).headers(h -> h.setBasicAuth("mod", "pw")).exchange()
                .returnResult(JSON);
        if (!result.getStatus().is2xxSuccessful()) {
            return List.of();
        }
        var ids = new ArrayList<String>();
        collect((List<Object>) result.getResponseBody().blockFirst().get("comments"), ids);
        return ids;
    }

    private static void collect(List<Object> nodes, List<String> ids) {
        for (var node : nodes) {
            var map = (Map<String, Object>) node;
            ids.add((String) map.get("commentId"));
            collect((List<Object>) map.get("replies"), ids);
        }
    }

    Map<String, Object> get(String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(h -> h.setBasicAuth("mod", "pw")).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    static List<String> ids(Map<String, Object> page) {
        return items(page).stream().map(i -> (String) i.get("commentId")).toList();
    }

    @Test
    void cursorsWalkTheWholeQueueAndStayStableWhileNewCommentsArrive() {
        var thread = "paging-" + UUID.randomUUID().toString().substring(0, 6);
        var all = held(thread, "pager", "the dwarf 1", "the dwarf 2", "the dwarf 3", "the dwarf 4", "the dwarf 5",
                "the dwarf 6", "the dwarf 7");

        var seen = new ArrayList<String>();
        var page = get("/api/v1/queue?threadId={t}&limit=3", thread);
        seen.addAll(ids(page));
        held(thread, "pager", "the dwarf arrives late");
        while (page.get("next") != null) {
            page = get("/api/v1/queue?threadId={t}&limit=3&cursor={c}", thread, page.get("next"));
            seen.addAll(ids(page));
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
    }

    @Test
    void itemsCarryTheirReasonsParentExcerptAndAuthorRecord() {
        var thread = "item-" + UUID.randomUUID().toString().substring(0, 6);
        var ids = chain(thread, "carrier", "A calm first remark about pipelines.", "What an idiot, the dwarf agrees.");

        var item = items(get("/api/v1/queue?threadId={t}", thread)).get(0);

        assertThat(item.get("commentId")).isEqualTo(ids.get(1));
        assertThat(item.get("parentExcerpt")).isEqualTo("A calm first remark about pipelines.");
        assertThat(item.get("threadTitle")).isEqualTo("Thread " + thread);
        assertThat((Map<String, Object>) item.get("author")).containsEntry("authorId", "carrier").containsEntry("status", "NORMAL")
                .containsEntry("seen", 2).containsEntry("pending", 1).containsEntry("approved", 1);
        assertThat((List<Object>) item.get("reasons")).isNotEmpty();
        assertThat(item.get("version")).isEqualTo(1);
    }

    @Test
    void filtersAreTypedAndUnknownValuesNameTheAllowedOnes() {
        var thread = "filter-" + UUID.randomUUID().toString().substring(0, 6);
        var ids = held(thread, "filterer", "the dwarf again", "what a load of bullshit");

        assertThat(ids(get("/api/v1/queue?threadId={t}&category=profanity", thread))).containsExactly(ids.get(1));
        assertThat(ids(get("/api/v1/queue?threadId={t}&category=EPITHET&sort=oldest", thread))).containsExactly(ids.get(0));
        assertThat(ids(get("/api/v1/queue?threadId={t}&minSeverity=3", thread))).containsExactly(ids.get(0));

        http.get().uri("/api/v1/queue?status=DELETED").headers(h -> h.setBasicAuth("mod", "pw")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status")
                .jsonPath("$.errors[0].reason").value(r -> assertThat((String) r).contains("PENDING", "HIDDEN", "APPROVED"));
        http.get().uri("/api/v1/queue?cursor=bm9wZQ").headers(h -> h.setBasicAuth("mod", "pw")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void twentyModeratorsDecidingTheSameItemsProduceOneWinnerPerVersion() {
        var thread = "race-" + UUID.randomUUID().toString().substring(0, 6);
        var texts = new String[100];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "the dwarf, take " + i;
        }
        var ids = held(thread, "racer", texts);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        var outcomes = new java.util.concurrent.ConcurrentHashMap<String, java.util.List<Integer>>();
        try {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (int m = 0; m < 20; m++) {
                var action = m % 2 == 0 ? "APPROVE" : "HIDE";
                futures.add(pool.submit(() -> {
                    for (var id : ids) {
                        var status = http.post().uri("/api/v1/comments/{id}/decision", id)
                                .headers(h -> h.setBasicAuth("mod", "pw")).contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("action", action, "version", 1)).exchange()
                                .expectBody().returnResult().getStatus().value();
                        outcomes.computeIfAbsent(id, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                .add(status);
                    }
                }));
            }
            for (var f : futures) {
                f.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).hasSize(ids.size());
        assertThat(outcomes.values()).allSatisfy(statuses -> {
            assertThat(statuses).hasSize(20);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(19);
        });
        // the outcome is visible in each comment's history: exactly one decision on top of the rules' verdict
        for (var id : ids) {
            var detail = get("/api/v1/comments/{id}", id);
            assertThat((List<Object>) detail.get("history")).as(id).hasSize(2);
            assertThat(detail.get("version")).isEqualTo(2);
        }
        assertThat(ids(get("/api/v1/queue?threadId={t}", thread))).isEmpty();
    }

    @Test
    void aStaleVersionGetsConflictWithTheCurrentState() {
        var id = held("stale-" + UUID.randomUUID().toString().substring(0, 6), "stale", "the dwarf is stale").get(0);

        http.post().uri("/api/v1/comments/{id}/decision", id).headers(h -> h.setBasicAuth("mod", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "HIDE", "version", 1))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        http.post().uri("/api/v1/comments/{id}/decision", id).headers(h -> h.setBasicAuth("mod2", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "APPROVE", "version", 1))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.current.status").isEqualTo("HIDDEN").jsonPath("$.current.version").isEqualTo(2)
                .jsonPath("$.current.decidedBy").isEqualTo("mod");

        var history = (List<Object>) get("/api/v1/comments/{id}", id).get("history");
        assertThat(history).hasSize(2);
    }

    @Test
    void concurrentClaimsNeverShareAnItemAndLapsedLeasesReturnToThePool() {
        var thread = "claim-" + UUID.randomUUID().toString().substring(0, 6);
        var ids = held(thread, "claimer", "the dwarf a", "the dwarf b", "the dwarf c", "the dwarf d", "the dwarf e",
                "the dwarf f");

        var results = Flux.just("mod", "mod2").flatMap(user -> http.post().uri("/api/v1/queue/claim")
                        .headers(h -> h.setBasicAuth(user, "pw")).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("limit", 4, "threadId", thread)).exchange().returnResult(JSON)
                        .getResponseBody().next().subscribeOn(Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(30));

        var first = new HashSet<>(ids(results.get(0)));
        var second = new HashSet<>(ids(results.get(1)));
        assertThat(first.size() + second.size()).isEqualTo(6);
        assertThat(first).doesNotContainAnyElementsOf(second);
        var claimedByMod = new HashSet<>(ids(get("/api/v1/queue?threadId={t}&claimedBy=mod", thread)));
        assertThat(claimedByMod).isIn(first, second);

        // claiming before every lease lapsed would take only some and restart their clocks: wait for all
        await().atMost(Duration.ofSeconds(10)).until(() -> items(get("/api/v1/queue?threadId={t}", thread)).stream()
                .allMatch(i -> i.get("claim") == null));
        assertThat(ids(post("boss", "/api/v1/queue/claim", Map.of("limit", 10, "threadId", thread))))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aReleasedClaimCanBeTakenByAnotherModerator() {
        var thread = "release-" + UUID.randomUUID().toString().substring(0, 6);
        var id = held(thread, "releaser", "the dwarf to release").get(0);
        var claim = Map.of("limit", 1, "threadId", thread);

        assertThat(ids(post("mod", "/api/v1/queue/claim", claim))).containsExactly(id);
        assertThat(ids(post("mod2", "/api/v1/queue/claim", claim))).isEmpty();
        http.delete().uri("/api/v1/claims/{id}", id).headers(h -> h.setBasicAuth("mod2", "pw")).exchange()
                .expectStatus().isNotFound();
        http.delete().uri("/api/v1/claims/{id}", id).headers(h -> h.setBasicAuth("mod", "pw")).exchange()
                .expectStatus().isNoContent();
        assertThat(ids(post("mod2", "/api/v1/queue/claim", claim))).containsExactly(id);
    }

    Map<String, Object> post(String user, String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBasicAuth(user, "pw")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    @Test
    void theStreamAnnouncesItemsEnteringAndLeavingTheQueue() {
        var received = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var subscription = http.get().uri("/api/v1/queue/stream").headers(h -> h.setBasicAuth("mod", "pw"))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<org.springframework.http.codec.ServerSentEvent<Map<String, Object>>>() {
                }).getResponseBody()
                .filter(event -> event.data() != null)
                .subscribe(event -> received.add(event.event() + " " + event.data().get("commentId")));
        try {
            // the stream's consumer joins the topic asynchronously: keep submitting until it has seen one
            var thread = "stream-" + UUID.randomUUID().toString().substring(0, 6);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                held(thread, "streamer", "the dwarf streams");
                return received.stream().anyMatch(r -> r.startsWith("ENTERED " + thread));
            });
            var id = received.stream().filter(r -> r.startsWith("ENTERED " + thread)).findFirst().orElseThrow()
                    .substring("ENTERED ".length());

            http.post().uri("/api/v1/comments/{id}/decision", id).headers(h -> h.setBasicAuth("mod2", "pw"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "APPROVE", "version", 1))
                    .exchange().expectStatus().isOk();

            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("LEFT " + id));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void statsCountTheQueueByStatusAndCategoryAndTimeModeratorsDecisions() {
        var thread = "stats-" + UUID.randomUUID().toString().substring(0, 6);
        var ids = held(thread, "counter", "the dwarf counted", "more bullshit counted");
        var before = get("/api/v1/stats");

        http.post().uri("/api/v1/comments/{id}/decision", ids.get(0)).headers(h -> h.setBasicAuth("mod", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "HIDE", "version", 1))
                .exchange().expectStatus().isOk();
        var after = get("/api/v1/stats");

        var statusBefore = (Map<String, Object>) before.get("byStatus");
        var statusAfter = (Map<String, Object>) after.get("byStatus");
        assertThat(((Number) statusAfter.get("HIDDEN")).longValue())
                .isEqualTo(((Number) statusBefore.get("HIDDEN")).longValue() + 1);
        assertThat(((Number) statusAfter.get("PENDING")).longValue())
                .isEqualTo(((Number) statusBefore.get("PENDING")).longValue() - 1);
        assertThat((Map<String, Object>) after.get("pendingByCategory")).containsKey("PROFANITY");
        var perHour = (Map<String, Object>) after.get("decisionsPerHour");
        assertThat(perHour).hasSize(24);
        assertThat(perHour.values().stream().mapToLong(v -> ((Number) v).longValue()).sum()).isPositive();
        assertThat(after.get("medianTimeToDecision")).isNotNull();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @org.springframework.beans.factory.annotation.Autowired
    news.moderation.service.comments.CommentStore store;

    @Test
    void aDecisionInterruptedByACrashIsReopenedAndCanBeTakenAgain() {
        var thread = "crash-" + UUID.randomUUID().toString().substring(0, 6);
        var id = held(thread, "crasher", "the dwarf, interrupted").get(0);
        // what a crash leaves: the entry taken for a decision, the comment never updated
        mongo.getCollection("review_queue").flatMap(q -> reactor.core.publisher.Mono.from(q.updateOne(
                new org.bson.Document("_id", id), new org.bson.Document("$set", new org.bson.Document("state", "DECIDED")
                        .append("decidingAt", java.util.Date.from(Instant.now().minusSeconds(600))))))).block();
        assertThat(ids(get("/api/v1/queue?threadId={t}", thread))).isEmpty();

        assertThat(store.reopenAbandonedDecisions(Instant.now().minusSeconds(60)).block()).isEqualTo(1);

        assertThat(ids(get("/api/v1/queue?threadId={t}", thread))).containsExactly(id);
        http.post().uri("/api/v1/comments/{id}/decision", id).headers(h -> h.setBasicAuth("mod", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "APPROVE", "version", 1))
                .exchange().expectStatus().isOk();
    }

    @Test
    void bulkDecisionsAnswerPerItem() {
        var thread = "bulk-" + UUID.randomUUID().toString().substring(0, 6);
        var ids = held(thread, "bulker", "the dwarf one", "the dwarf two");

        var results = http.post().uri("/api/v1/decisions/bulk").headers(h -> h.setBasicAuth("mod", "pw"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ids", List.of(ids.get(0), ids.get(1), "no-such-comment"), "action", "HIDE"))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();

        assertThat(results).extracting(r -> r.get("result")).containsExactly("APPLIED", "APPLIED", "NOT_FOUND");
    }

    @Test
    void detailShowsHistoryAndThreadContextAndThreadsShowTheTree() {
        var thread = "ctx-" + UUID.randomUUID().toString().substring(0, 6);
        var ids = chain(thread, "ctx", "Root remark about the budget.", "A reply to the root.", "The dwarf replies deeper.");

        var detail = get("/api/v1/comments/{id}", ids.get(2));
        assertThat((List<Object>) detail.get("ancestors")).extracting(a -> ((Map<String, Object>) a).get("commentId"))
                .containsExactly(ids.get(0), ids.get(1));
        assertThat((List<Object>) detail.get("history")).singleElement()
                .satisfies(h -> assertThat((Map<String, Object>) h).containsEntry("by", "rules").containsEntry("status", "PENDING"));

        var tree = get("/api/v1/threads/{t}", thread);
        var root = (Map<String, Object>) ((List<Object>) tree.get("comments")).get(0);
        assertThat(root.get("commentId")).isEqualTo(ids.get(0));
        var reply = (Map<String, Object>) ((List<Object>) root.get("replies")).get(0);
        assertThat(((Map<String, Object>) ((List<Object>) reply.get("replies")).get(0)).get("status")).isEqualTo("PENDING");
    }

    @Test
    void anAdminsAuthorStatusIsHonouredByThePipelineAndModeratorsCannotSetIt() {
        var author = "author-" + UUID.randomUUID().toString().substring(0, 6);
        http.post().uri("/api/v1/authors/{a}/status", author).headers(h -> h.setBasicAuth("mod", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "BANNED")).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/v1/authors/{a}/status", author).headers(h -> h.setBasicAuth("boss", "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "PREMOD", "reason", "new account"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.summary.status").isEqualTo("PREMOD");

        var thread = "premod-" + UUID.randomUUID().toString().substring(0, 6);
        var ids = held(thread, author, "A perfectly polite remark.");

        assertThat(ids(get("/api/v1/queue?authorId={a}", author))).containsExactly(ids.get(0));
        var record = get("/api/v1/authors/{a}", author);
        assertThat((List<Object>) record.get("history")).singleElement()
                .satisfies(h -> assertThat((Map<String, Object>) h).containsEntry("by", "boss").containsEntry("reason", "new account"));
    }
}
