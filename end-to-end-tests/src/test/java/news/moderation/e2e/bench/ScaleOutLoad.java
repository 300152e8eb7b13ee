package news.moderation.e2e.bench;

import com.mongodb.client.MongoClients;
import news.moderation.local.ServiceProcess;
import news.moderation.local.TestServices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Load harness for docs/scaling.md, not a test (no Test suffix, so failsafe skips it): N moderation-service
 * processes from the packaged jar in one consumer group on one Kafka broker and one MongoDB (an embedded KRaft
 * broker and an in-memory mongo-java-server in this JVM, or those named by KAFKA_BOOTSTRAP_SERVERS /
 * MONGODB_URI). It sends M comments of about 300 characters keyed by thread, samples the group's lag and
 * each process's CPU every second, waits until every verdict is stored, checks that none is lost or stored
 * twice, and prints throughput, latency percentiles, lag and CPU per instance; one run per instance count.
 *
 * <pre>{@code
 * ./mvnw -B -q -o install -DskipTests
 * ./mvnw -q -B -o -pl end-to-end-tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -Xmx3g -cp end-to-end-tests/target/test-classes:$(cat end-to-end-tests/target/bench.cp) \
 *      news.moderation.e2e.bench.ScaleOutLoad --instances=1,2,3 --partitions=6 --warmup=20000 --comments=100000
 * # --rate=2000 for a fixed send rate; --kill to SIGKILL the last instance half-way
 * }</pre>
 */
final class ScaleOutLoad {

    private ScaleOutLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(ScaleOptions.USAGE);
            return;
        }
        ScaleOptions options;
        try {
            options = ScaleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ScaleOutLoad: " + e.getMessage());
            System.err.println(ScaleOptions.USAGE);
            System.exit(2);
            return;
        }
        var root = Path.of(System.getProperty("repository.root", "")).toAbsolutePath().normalize();
        try {
            ServiceProcess.jar(root, "moderation-service");
        } catch (IllegalStateException e) {
            System.err.println("ScaleOutLoad: " + e.getMessage() + "\n  run from the repository root (or set"
                    + " -Drepository.root=…) after ./mvnw -B -q -o install -DskipTests");
            System.exit(2);
            return;
        }
        var out = System.out;
        var bootstrap = TestServices.kafkaBootstrapServers();
        var mongoUri = TestServices.mongoUri();
        out.printf("ScaleOutLoad: %d cores, Java %s; Kafka %s%s, MongoDB %s%s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), bootstrap,
                external(TestServices.KAFKA_ENV), mongoUri, external(TestServices.MONGO_ENV));
        if (options.instances().stream().anyMatch(n -> n > options.partitions())) {
            out.printf("note: instances beyond the %d partitions get none and idle%n", options.partitions());
        }

        var results = new ArrayList<RunResult>();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             var mongo = MongoClients.create(mongoUri)) {
            for (int count : options.instances()) {
                results.add(new ScaleRun(options, count, root, bootstrap, mongoUri, admin, mongo, out).execute());
            }
        } catch (Exception e) {
            print(results, out);
            System.err.println("ScaleOutLoad: run failed: " + e);
            e.printStackTrace();
            // exit, not return: the embedded broker's threads would keep this JVM alive
            System.exit(1);
        }
        print(results, out);
        // the embedded broker and server stop in TestServices' shutdown hooks
        System.exit(results.stream().allMatch(RunResult::noLoss) ? 0 : 1);
    }

    private static String external(String env) {
        var value = System.getenv(env);
        return value == null || value.isBlank() ? " (embedded)" : " (" + env + ")";
    }

    static void print(List<RunResult> results, PrintStream out) {
        if (results.isEmpty()) {
            return;
        }
        out.println();
        out.println("| instances | partitions | comments | judged and stored/s | p50 | p99 | max lag | mean lag "
                + "| verdicts per instance | CPU s per instance (% of one core) | harness CPU s | box busy "
                + "| lost / twice |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|");
        for (var r : results) {
            var cpu = new ArrayList<String>();
            for (double seconds : r.cpuSeconds()) {
                cpu.add(String.format("%.0f (%.0f%%)", seconds, 100 * seconds / r.windowSeconds()));
            }
            out.printf("| %d%s | %d | %,d | %,.0f | ≤ %s | ≤ %s | %,d | %,.0f | %s | %s | %.0f | %.0f%% | %s |%n",
                    r.instances(), r.killed() ? " (1 killed)" : "", r.partitions(), r.comments(), r.judgedPerSecond(),
                    bound(r.p50()), bound(r.p99()), r.maxLag(), r.meanLag(),
                    r.verdicts().stream().map(v -> String.format("%,d", v)).collect(Collectors.joining(" / ")),
                    String.join(" / ", cpu), r.harnessCpuSeconds(), 100 * r.boxBusy(),
                    r.noLoss() ? "0 / 0" : "**LOSS OR DUPLICATES**");
        }
        out.println();
        for (var r : results) {
            out.printf("%d instance(s): partitions per instance %s; after a warm-up of %,d, sent %,d in %.1f s"
                            + " (%,.0f/s%s), last verdict stored %.1f s after the first send;"
                            + " stored %,d of %,d (warm-up included), %,d events for %,d comments, %s;"
                            + " from the documents (decidedAt - receivedAt) p50 %,d ms, p99 %,d ms, max %,d ms;"
                            + " mean batch %.0f records; verdict counters sum to %,d %s%n",
                    r.instances(), r.assignment(), r.warmup(), r.comments(), r.sendSeconds(),
                    r.comments() / r.sendSeconds(), r.rate() == 0 ? ", unthrottled" : ", target " + r.rate(),
                    r.judgeSeconds(), r.stored(), r.warmup() + r.comments(), r.eventRecords(), r.eventComments(),
                    r.eventsOnce() ? "one event id each" : "SOME WITH SEVERAL EVENT IDS",
                    r.exactP50Ms(), r.exactP99Ms(), r.exactMaxMs(), r.meanBatch(), r.verdictSum(),
                    r.killed() ? "(the killed instance's as of its last scrape, just before the kill)"
                            : String.format("(%,d judged twice after a re-delivery)",
                            Math.max(0, r.verdictSum() - r.comments())));
            var h = r.harness();
            out.printf("  harness JVM CPU %.0f s: mongo-java-server %.0f s, broker %.0f s, producer %.0f s,"
                    + " sampling %.0f s, JIT and GC %.0f s%n", r.harnessCpuSeconds(), h.mongo(), h.broker(),
                    h.producer(), h.sampler(), h.jvm());
            if (r.failedSends() > 0) {
                out.printf("  %,d sends FAILED%n", r.failedSends());
            }
        }
    }

    /** A histogram bucket's upper bound, in the unit that reads best. */
    static String bound(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        if (Double.isInfinite(seconds)) {
            return "∞ (beyond the last bucket)";
        }
        return seconds < 1 ? String.format("%.0f ms", seconds * 1e3) : String.format("%.2f s", seconds);
    }
}
