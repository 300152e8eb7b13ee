package news.moderation.service.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.local.TestServices;
import news.moderation.service.ModerationServiceApplication;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Load harness for docs/benchmarks.md, not a test (no Test suffix, so surefire skips it): stores N comments
 * through the real pipeline (embedded KRaft broker, in-memory mongo-java-server, or the services named by
 * KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI), then M moderators, each on a thread of its own and signed in with
 * HTTP Basic against bcrypt hashes, work the queue: fetch a page of 50, decide one item of it with its
 * version, repeat. Reports p50/p99 of the page and of the decision separately.
 *
 * <pre>{@code
 * ./mvnw -q -B -o -pl moderation-service -am install -DskipTests
 * ./mvnw -q -B -o -pl moderation-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -Xmx3g -cp moderation-service/target/test-classes:moderation-service/target/classes:$(cat moderation-service/target/bench.cp) \
 *      news.moderation.service.bench.QueueLoad 100000 1,50 30 0   # comments, moderator counts, seconds per phase, pause ms
 * }</pre>
 */
public final class QueueLoad {

    static final String CLEAN = "The council should publish the bus lane figures before the vote, and say which routes "
            + "lose their evening service. Readers asked about it twice already; the answer matters for the budget.";
    static final String[] HELD = {
            "Only the dwarf could think of this. The council should publish the figures before the vote.",
            "You are an idiot and everyone on this page knows it. Publish the figures before the vote.",
            "What a moron. The routes that lose their evening service are the ones people actually use.",
            "Dwarfstan again, same old story. Readers asked about it twice already; the answer matters.",
    };
    static final JsonMapper JSON = JsonMapper.builder().build();

    private QueueLoad() {
    }

    public static void main(String[] args) throws Exception {
        int comments = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var levels = Arrays.stream((args.length > 1 ? args[1] : "1,50").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long thinkMillis = args.length > 3 ? Long.parseLong(args[3]) : 0;
        int moderators = Arrays.stream(levels).max().orElseThrow();
        var bootstrap = TestServices.kafkaBootstrapServers();
        var run = TestServices.uniqueName("queue-bench");
        var submitted = run + ".submitted";
        createTopic(bootstrap, submitted, 3);
        var hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("pw");
        var arguments = new ArrayList<>(TestServices.moderationRunArguments(run));
        arguments.addAll(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.mongodb.uri=" + TestServices.mongoUri(),
                "--logging.level.root=WARN",
                "--management.metrics.distribution.slo.mongodb.driver.commands=1ms,5ms,10ms,25ms,50ms,100ms,250ms"));
        for (int m = 0; m < moderators; m++) {
            arguments.add("--moderation.security.users[" + m + "].username=mod-" + m);
            arguments.add("--moderation.security.users[" + m + "].password=" + hash);
            arguments.add("--moderation.security.users[" + m + "].roles=MODERATOR");
        }
        var context = new SpringApplicationBuilder(ModerationServiceApplication.class)
                .run(arguments.toArray(String[]::new));
        var port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        var base = URI.create("http://127.0.0.1:" + port);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("moderation-service on %s, Kafka %s, database %s, %d cores%n", base, bootstrap, run,
                Runtime.getRuntime().availableProcessors());
        try {
            long t0 = System.nanoTime();
            int held = produce(bootstrap, submitted, comments);
            waitUntilStored(http, base, comments);
            System.out.printf("stored %,d comments (%,d held) through the pipeline in %.1f s%n", comments, held,
                    (System.nanoTime() - t0) / 1e9);
            work(http, base, moderators, 10, 0);           // warm-up: JIT, connections, credential cache
            // -Dbench.jfr=FILE: a flight recording of the measured phases only, not of loading and warm-up
            var jfr = System.getProperty("bench.jfr");
            var recording = jfr == null ? null : new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            if (recording != null) {
                recording.start();
            }
            var meters = context.getBean(MeterRegistry.class);
            for (int level : levels) {
                System.out.printf("%d moderators, %d ms between actions, %d s:%n", level, thinkMillis, seconds);
                var pagesBefore = ServerSide.of(meters, "/api/v1/queue");
                var decisionsBefore = ServerSide.of(meters, "/api/v1/comments/{commentId}/decision");
                var mongoBefore = mongoCommands(meters);
                work(http, base, level, seconds, thinkMillis).report();
                ServerSide.of(meters, "/api/v1/queue").minus(pagesBefore).report("server side, GET /queue");
                ServerSide.of(meters, "/api/v1/comments/{commentId}/decision").minus(decisionsBefore).report("server side, POST decision");
                var mongoAfter = mongoCommands(meters);
                mongoAfter.forEach((command, after) -> {
                    var during = after.minus(mongoBefore.getOrDefault(command, ServerSide.NONE));
                    if (during.count() > 0) {
                        during.report("MongoDB driver, " + command);
                    }
                });
            }
            if (recording != null) {
                recording.stop();
                recording.dump(java.nio.file.Path.of(jfr));
            }
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** MongoDB commands by command and collection, as the driver timed them from send to reply. */
    static SortedMap<String, ServerSide> mongoCommands(MeterRegistry meters) {
        var out = new TreeMap<String, ServerSide>();
        for (var timer : meters.find("mongodb.driver.commands").timers()) {
            var id = timer.getId();
            out.merge(id.getTag("command") + " " + id.getTag("collection"), ServerSide.of(List.of(timer)),
                    ServerSide::plus);
        }
        return out;
    }

    /** Sends the comments, about one in ten of them abusive; returns how many should be held. */
    static int produce(String bootstrap, String topic, int comments) throws Exception {
        int held = 0;
        var random = new SplittableRandom(42);
        var written = Instant.parse("2026-11-01T00:00:00Z");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < comments; i++) {
                boolean abusive = random.nextInt(10) == 0;
                held += abusive ? 1 : 0;
                var thread = "thread-" + random.nextInt(2_000);
                var text = abusive ? HELD[random.nextInt(HELD.length)] : CLEAN;
                var event = CommentSubmitted.of(UUID.randomUUID(), "c-" + i, "site-" + random.nextInt(3), thread,
                        "Bus lanes, part " + thread, null, null, "reader-" + random.nextInt(20_000), "Reader", text,
                        written.plusSeconds(i), written.plusSeconds(i));
                producer.send(new ProducerRecord<>(topic, thread, ContractJson.write(event)));
            }
        }
        return held;
    }

    static void waitUntilStored(HttpClient http, URI base, int comments) {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            var stats = JSON.readTree(get(http, base.resolve("/api/v1/stats"), "mod-0").body()).get("byStatus");
            long stored = 0;
            for (var status : List.of("PENDING", "APPROVED", "HIDDEN")) {
                stored += stats.path(status).asLong(0);
            }
            return stored >= comments;
        });
    }

    /** Each moderator: a page of 50 (priority, oldest, or one site's), then a decision on one of its items. */
    static Result work(HttpClient http, URI base, int moderators, int seconds, long thinkMillis)
            throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var pages = new long[moderators][];
        var decisions = new long[moderators][];
        var applied = new AtomicLong();
        var conflicts = new AtomicLong();
        var failures = new AtomicLong();
        var done = new CountDownLatch(moderators);
        long start = System.nanoTime();
        for (int m = 0; m < moderators; m++) {
            int me = m;
            new Thread(() -> {
                var random = new SplittableRandom(me);
                var pageTimes = new long[1 << 14];
                var decisionTimes = new long[1 << 14];
                int p = 0;
                int d = 0;
                try {
                    // moderators start at random points of a pause, as they would be found at any moment of
                    // their day: all starting at once is a burst no steady load has
                    if (thinkMillis > 0) {
                        TimeUnit.MILLISECONDS.sleep(random.nextLong(thinkMillis + 1));
                    }
                    while (System.nanoTime() < deadline) {
                        var query = switch (me % 4) {
                            case 0, 1 -> "sort=priority";
                            case 2 -> "sort=oldest";
                            default -> "sort=priority&siteId=site-" + (me % 3);
                        };
                        long t0 = System.nanoTime();
                        var page = get(http, base.resolve("/api/v1/queue?limit=50&" + query), "mod-" + me);
                        long t1 = System.nanoTime();
                        if (page.statusCode() != 200) {
                            failures.incrementAndGet();
                            continue;
                        }
                        pageTimes = record(pageTimes, p++, t1 - t0);
                        think(thinkMillis, random);
                        var items = JSON.readTree(page.body()).get("items");
                        if (items.isEmpty()) {
                            continue;
                        }
                        JsonNode item = items.get(random.nextInt(items.size()));
                        var body = "{\"action\":\"" + (random.nextBoolean() ? "APPROVE" : "HIDE") + "\",\"version\":"
                                + item.get("version").asLong() + "}";
                        long t2 = System.nanoTime();
                        var decided = http.send(HttpRequest.newBuilder(
                                        base.resolve("/api/v1/comments/" + item.get("commentId").asString() + "/decision"))
                                .header("Authorization", basic("mod-" + me)).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long t3 = System.nanoTime();
                        switch (decided.statusCode()) {
                            case 200 -> applied.incrementAndGet();
                            case 409 -> conflicts.incrementAndGet();
                            default -> {
                                failures.incrementAndGet();
                                continue;
                            }
                        }
                        decisionTimes = record(decisionTimes, d++, t3 - t2);
                        think(thinkMillis, random);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    pages[me] = Arrays.copyOf(pageTimes, p);
                    decisions[me] = Arrays.copyOf(decisionTimes, d);
                    done.countDown();
                }
            }, "moderator-" + m).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(sorted(pages), sorted(decisions), applied.get(), conflicts.get(), failures.get(), elapsed);
    }

    /** A moderator reading: uniformly 0.5 to 1.5 times the given pause, so that moderators do not act in lockstep. */
    static void think(long millis, SplittableRandom random) throws InterruptedException {
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis / 2 + random.nextLong(millis + 1));
        }
    }

    static HttpResponse<String> get(HttpClient http, URI uri, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", basic(user))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":pw").getBytes(StandardCharsets.UTF_8));
    }

    static long[] record(long[] times, int index, long nanos) {
        var out = index == times.length ? Arrays.copyOf(times, index * 2) : times;
        out[index] = nanos;
        return out;
    }

    static long[] sorted(long[][] perThread) {
        return Arrays.stream(perThread).flatMapToLong(Arrays::stream).sorted().toArray();
    }

    record Result(long[] pages, long[] decisions, long applied, long conflicts, long failures, double seconds) {

        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }

        void report() {
            System.out.printf("| GET /queue (page of 50) | %,8.0f /s | p50 %6.1f ms | p99 %6.1f ms | max %6.1f ms | %,d requests |%n",
                    pages.length / seconds, percentile(pages, 50), percentile(pages, 99), percentile(pages, 100), pages.length);
            System.out.printf("| POST decision           | %,8.0f /s | p50 %6.1f ms | p99 %6.1f ms | max %6.1f ms | %,d applied, %,d conflicts (409) |%n",
                    decisions.length / seconds, percentile(decisions, 50), percentile(decisions, 99),
                    percentile(decisions, 100), applied, conflicts);
            System.out.printf("failures: %d, %.1f s%n", failures, seconds);
        }
    }

    /**
     * Requests answered within each SLO bucket of some timers: the service's own view of a route
     * ({@code http.server.requests}, buckets from application.yml: request arrival to response, so without the
     * client's queueing), or the MongoDB driver's of a command ({@code mongodb.driver.commands}, buckets set above).
     */
    record ServerSide(double[] bucketsMillis, long[] within, long count) {

        static final ServerSide NONE = new ServerSide(new double[0], new long[0], 0);

        static ServerSide of(MeterRegistry meters, String uri) {
            return of(meters.find("http.server.requests").tag("uri", uri).timers());
        }

        static ServerSide of(Collection<Timer> timers) {
            double[] buckets = null;
            long[] within = null;
            long count = 0;
            for (var timer : timers) {
                var snapshot = timer.takeSnapshot();
                var histogram = snapshot.histogramCounts();
                if (buckets == null) {
                    buckets = Arrays.stream(histogram).mapToDouble(b -> b.bucket(TimeUnit.MILLISECONDS)).toArray();
                    within = new long[histogram.length];
                }
                for (int i = 0; i < histogram.length && i < within.length; i++) {
                    within[i] += (long) histogram[i].count();
                }
                count += snapshot.count();
            }
            return buckets == null ? NONE : new ServerSide(buckets, within, count);
        }

        ServerSide plus(ServerSide other) {
            var out = within.clone();
            for (int i = 0; i < out.length && i < other.within.length; i++) {
                out[i] += other.within[i];
            }
            return new ServerSide(bucketsMillis, out, count + other.count);
        }

        ServerSide minus(ServerSide before) {
            var out = within.clone();
            for (int i = 0; i < out.length && i < before.within.length; i++) {
                out[i] -= before.within[i];
            }
            return new ServerSide(bucketsMillis, out, count - before.count);
        }

        void report(String what) {
            var line = new StringBuilder("| " + what + " | " + count + " requests |");
            for (int i = 0; i < bucketsMillis.length; i++) {
                line.append(String.format(" <=%.0f ms %.1f%% |", bucketsMillis[i], count == 0 ? 0 : 100.0 * within[i] / count));
            }
            System.out.println(line);
        }
    }

    private static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }
}
