package news.moderation.ingest.bench;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.ingest.CommentIngestApplication;
import news.moderation.local.TestServices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load harness for docs/benchmarks.md, not a test (no Test suffix, so surefire skips it): starts comment-ingest
 * against the embedded broker (or KAFKA_BOOTSTRAP_SERVERS), drives it from 64 client threads on localhost only,
 * for a bounded time per phase, then measures a raw KafkaProducer with records of the same size.
 *
 * <pre>{@code
 * ./mvnw -q -B -o -pl comment-ingest -am install -DskipTests
 * ./mvnw -q -B -o -pl comment-ingest dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -Xmx2g -cp comment-ingest/target/test-classes:comment-ingest/target/classes:$(cat comment-ingest/target/bench.cp) \
 *      news.moderation.ingest.bench.IngestLoad 20 64
 * }</pre>
 */
public final class IngestLoad {

    static final String KEY = "bench-key";
    static final String TEXT = "Fixture benchmark comment: the council should publish the bus lane figures before "
            + "the vote, and say which routes lose their evening service. Readers asked about it twice already.";

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        if (seconds < 1 || seconds > 300 || clients < 1 || clients > 256) {
            throw new IllegalArgumentException("seconds 1..300, clients 1..256");
        }
        var bootstrap = TestServices.kafkaBootstrapServers();
        var topic = TestServices.uniqueName("bench") + ".submitted";
        createTopic(bootstrap, topic, 3);
        // Command-line arguments, so that they win over application.yml as they do for the real jar.
        var context = new SpringApplicationBuilder(CommentIngestApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--ingest.topic=" + topic,
                "--ingest.sites[0].site-id=bench-site",
                "--ingest.sites[0].key-sha256=" + sha256Hex(KEY),
                "--ingest.sites[0].rate-per-second=10000000",
                "--ingest.sites[0].burst=10000000",
                "--logging.level.root=WARN");
        var port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        var base = URI.create("http://127.0.0.1:" + port);
        System.out.printf("comment-ingest on %s, Kafka %s, topic %s, %d clients, %d s per phase, %d cores%n",
                base, bootstrap, topic, clients, seconds, Runtime.getRuntime().availableProcessors());
        try {
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
            var single = base.resolve("/api/v1/comments");
            var batch = base.resolve("/api/v1/comments/batch");

            // Warm-up: JIT, connection pools and topic metadata, not measured.
            drive(http, single, clients, 5, 1);
            drive(http, batch, clients, 5, 100);

            // The HTTP floor: the same requests refused by the key filter, no parsing and no Kafka.
            report("refused (401)", drive(http, single, clients, seconds, 0));
            report("single posts", drive(http, single, clients, seconds, 1));
            report("batches of 100", drive(http, batch, clients, seconds, 100));
            rawProducer(bootstrap, topic, seconds);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /**
     * Each client posts, waits for the answer, posts again, until the time is up. {@code perRequest} 0 posts one
     * comment with an unknown key and expects 401.
     */
    static Result drive(HttpClient http, URI uri, int clients, int seconds, int perRequest) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var latencies = new long[clients][];
        var counts = new int[clients];
        var failures = new AtomicLong();
        var done = new CountDownLatch(clients);
        var run = UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            var thread = new Thread(() -> {
                var mine = new long[1 << 16];
                int n = 0;
                long seq = 0;
                try {
                    while (System.nanoTime() < deadline && n < (1 << 22)) {
                        var body = body(run + "-" + client, seq, Math.max(1, perRequest));
                        seq += Math.max(1, perRequest);
                        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                .header("X-Api-Key", perRequest == 0 ? "not-a-key" : KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            boolean ok = perRequest == 0 ? response.statusCode() == 401
                                    : perRequest == 1 ? response.statusCode() == 202
                                    : response.statusCode() == 200 && response.body().startsWith("{\"accepted\":" + perRequest + ",");
                            if (!ok) {
                                failures.incrementAndGet();
                                continue;
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - t0;
                    }
                } finally {
                    latencies[client] = Arrays.copyOf(mine, n);
                    counts[client] = n;
                    done.countDown();
                }
            }, "load-" + c);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        var all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, all.length * (long) perRequest, failures.get(), elapsed, all);
    }

    static String body(String prefix, long seq, int count) {
        if (count == 1) {
            return comment(prefix + "-" + seq, seq);
        }
        var items = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            items.add(comment(prefix + "-" + (seq + i), seq + i));
        }
        return "[" + String.join(",", items) + "]";
    }

    private static String comment(String id, long seq) {
        return "{\"commentId\":\"bench-" + id + "\",\"threadId\":\"thread-" + (seq % 97) + "\",\"threadTitle\":\"Bus lanes\","
                + "\"authorId\":\"reader-" + (seq % 1000) + "\",\"authorName\":\"Bench Reader\",\"text\":\"" + TEXT + "\"}";
    }

    record Result(long requests, long comments, long failures, double seconds, long[] sortedNanos) {

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1e6;
        }
    }

    static void report(String name, Result r) {
        System.out.printf("| %-16s | %,10.0f req/s | %,10.0f comments/s | p50 %7.1f ms | p99 %7.1f ms | max %7.1f ms "
                        + "| %,d requests, %d failed, %.1f s |%n",
                name, r.requests() / r.seconds(), r.comments() / r.seconds(), r.percentileMillis(50),
                r.percentileMillis(99), r.percentileMillis(100), r.requests(), r.failures(), r.seconds());
    }

    /** The same producer settings as the service, sending as fast as acknowledgements allow, same record size. */
    static void rawProducer(String bootstrap, String topic, int seconds) throws InterruptedException {
        var event = CommentSubmitted.of(UUID.randomUUID(), "bench-raw-0000000", "bench-site", "thread-1", "Bus lanes",
                null, null, "reader-1", "Bench Reader", TEXT, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"));
        var value = ContractJson.write(event);
        var acked = new AtomicLong();
        var inFlight = new Semaphore(10_000);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long start = System.nanoTime();
            long sent = 0;
            while (System.nanoTime() < deadline) {
                inFlight.acquire();
                producer.send(new ProducerRecord<>(topic, "thread-" + (sent % 97), value), (m, e) -> {
                    inFlight.release();
                    if (e == null) {
                        acked.incrementAndGet();
                    }
                });
                sent++;
            }
            producer.flush();
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("| %-16s | %,10.0f records/s acknowledged | %d bytes per record | %,d records, %.1f s |%n",
                    "raw KafkaProducer", acked.get() / elapsed, value.length, acked.get(), elapsed);
        }
    }

    private static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
        try (var admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static String sha256Hex(String key) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
