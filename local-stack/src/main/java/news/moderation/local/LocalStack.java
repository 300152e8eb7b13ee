package news.moderation.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine, in the foreground until Ctrl-C: a real Kafka broker (KRaft) on 9092,
 * mongo-java-server on 27017 persisted under {@code .local-data/}, comment-ingest on 8081 and
 * moderation-service on 8080 with the {@code local} profile, then demo traffic through the ingest API.
 *
 * <pre>{@code
 * ./run-local              # everything, with demo comments
 * ./run-local --no-demo    # everything, quiet
 * }</pre>
 */
public final class LocalStack {

    static final int KAFKA_PORT = 9092;
    static final int MONGO_PORT = 27017;
    static final int INGEST_PORT = 8081;
    static final int MODERATION_PORT = 8080;
    static final String[] TOPICS = {"comments.submitted", "comments.moderated", "comments.submitted.DLT"};

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        var demo = !List.of(args).contains("--no-demo");
        var root = Path.of("").toAbsolutePath();
        var data = root.resolve(".local-data");
        var out = System.out;
        var stopped = new CountDownLatch(1);
        var resources = new ArrayList<AutoCloseable>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping…");
            for (int i = resources.size() - 1; i >= 0; i--) {
                try {
                    resources.get(i).close();
                } catch (Exception e) {
                    out.println("  while stopping: " + e);
                }
            }
            stopped.countDown();
        }, "local-stack-stop"));

        out.println("Starting Kafka (KRaft) on localhost:" + KAFKA_PORT + " …");
        var kafka = LocalKafka.start(KAFKA_PORT, 3);
        resources.add(kafka);
        kafka.createTopics(TOPICS);

        out.println("Starting mongo-java-server on localhost:" + MONGO_PORT + " (data in .local-data/mongo.mv.db) …");
        var mongo = LocalMongo.persistent(data.resolve("mongo.mv.db"), MONGO_PORT);
        resources.add(mongo);

        var env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MONGODB_URI", mongo.uri("moderation"));
        var profile = List.of("--spring.profiles.active=local");
        out.println("Starting moderation-service on :" + MODERATION_PORT + " and comment-ingest on :" + INGEST_PORT
                + " (logs in .local-data/logs/) …");
        var moderation = ServiceProcess.start("moderation-service", ServiceProcess.jar(root, "moderation-service"),
                concat(profile, "--server.port=" + MODERATION_PORT), env, data.resolve("logs/moderation-service.log"));
        resources.add(moderation);
        var ingest = ServiceProcess.start("comment-ingest", ServiceProcess.jar(root, "comment-ingest"),
                concat(profile, "--server.port=" + INGEST_PORT), env, data.resolve("logs/comment-ingest.log"));
        resources.add(ingest);
        moderation.awaitReady(MODERATION_PORT, Duration.ofMinutes(3));
        ingest.awaitReady(INGEST_PORT, Duration.ofMinutes(3));

        if (demo) {
            var seed = root.resolveSibling("shared").resolve("corpus").resolve("seed-threads.jsonl");
            out.println("Streaming demo comments from " + (seed.toFile().isFile() ? seed : "the bundled demo file")
                    + " …");
            try (var lines = DemoTraffic.open(seed)) {
                var result = new DemoTraffic(URI.create("http://localhost:" + INGEST_PORT), "demo-site-key")
                        .post(lines, out);
                out.printf("  %d accepted, %d rejected%n", result.accepted(), result.rejected());
            }
        }
        printWelcome(out);
        stopped.await();
    }

    private static List<String> concat(List<String> list, String more) {
        var all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static void printWelcome(PrintStream out) {
        out.println("""

                Ready. Press Ctrl-C to stop.

                  Moderator console  http://localhost:8080/
                  Review queue API   http://localhost:8080/api/v1/queue
                                     moderator: demo-moderator / demo    admin: demo-admin / demo
                  Ingest API         http://localhost:8081/api/v1/comments   header X-Api-Key: demo-site-key
                  Metrics            http://localhost:8080/actuator/prometheus  http://localhost:8081/actuator/prometheus
                  Kafka              localhost:9092     MongoDB  mongodb://localhost:27017/moderation

                Try:
                  curl -u demo-moderator:demo localhost:8080/api/v1/queue
                  curl -H 'X-Api-Key: demo-site-key' -H 'Content-Type: application/json' localhost:8081/api/v1/comments \\
                       -d '{"commentId":"try-1","threadId":"demo","authorId":"me","authorName":"Me",
                            "text":"All the dwarf has to do is turn off the gas."}'

                These credentials exist only in the local profile.""");
    }
}
