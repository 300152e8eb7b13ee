package news.moderation.deploy.monitoring;

import news.moderation.local.ServiceProcess;
import news.moderation.local.TestServices;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Both services from their packaged jars, with the management server on a port of its own as in the
 * Kubernetes manifests, on the test broker and database under names no other run uses.
 *
 * <pre>{@code
 * try (var services = RunningServices.start(root)) {
 *     services.postComment("c-1", "All the dwarf has to do is turn off the gas.");
 *     services.scrape(services.moderation());
 * }
 * }</pre>
 */
final class RunningServices implements AutoCloseable {

    static final String SITE_KEY = "deploy-site-key";
    static final String MODERATOR = "mod";
    static final String PASSWORD = "pw";

    /** A service's two ports: the API, and the management server with the actuator. */
    record Ports(int http, int management) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final String run = TestServices.uniqueName("deploy");
    private final Ports ingest = new Ports(freePort(), freePort());
    private final Ports moderation = new Ports(freePort(), freePort());

    private RunningServices() {
    }

    static RunningServices start(Path root) {
        var services = new RunningServices();
        try {
            services.launch(root);
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private void launch(Path root) {
        var env = Map.of("KAFKA_BOOTSTRAP_SERVERS", TestServices.kafkaBootstrapServers(),
                "MONGODB_URI", TestServices.mongoUri());
        var logs = root.resolve("deploy-tests/target/service-logs");
        var ingestProcess = start(root, "comment-ingest", ingest, env, logs, List.of(
                "--ingest.topic=" + submittedTopic(),
                "--ingest.sites[0].site-id=deploy-site",
                "--ingest.sites[0].key-sha256=" + sha256(SITE_KEY)));
        var moderationProcess = start(root, "moderation-service", moderation, env, logs, List.of(
                "--spring.mongodb.database=" + run,
                "--spring.kafka.consumer.group-id=" + run,
                "--moderation.topics.submitted=" + submittedTopic(),
                "--moderation.topics.moderated=" + run + ".moderated",
                "--moderation.topics.dead-letter=" + run + ".submitted.DLT",
                // the queue gauges are counted every 15 s in production; a test does not wait that long
                "--moderation.pipeline.queue-depth-interval=500ms",
                "--moderation.security.users[0].username=" + MODERATOR,
                "--moderation.security.users[0].password={noop}" + PASSWORD,
                "--moderation.security.users[0].roles=MODERATOR"));
        // both JVMs start side by side; readiness is asked on the management port, as the kubelet asks it
        ingestProcess.awaitReady(ingest.management(), Duration.ofMinutes(2));
        moderationProcess.awaitReady(moderation.management(), Duration.ofMinutes(2));
    }

    private ServiceProcess start(Path root, String module, Ports ports, Map<String, String> env, Path logs,
                                 List<String> args) {
        var all = new ArrayList<>(args);
        all.add("--server.port=" + ports.http());
        all.add("--management.server.port=" + ports.management());
        var process = ServiceProcess.start(module, ServiceProcess.jar(root, module), all, env,
                logs.resolve(run + "-" + module + ".log"));
        processes.add(process);
        return process;
    }

    Ports ingest() {
        return ingest;
    }

    Ports moderation() {
        return moderation;
    }

    String submittedTopic() {
        return run + ".submitted";
    }

    HttpResponse<String> postComment(String commentId, String text) {
        var body = "{\"commentId\":\"" + commentId + "\",\"threadId\":\"deploy-thread\",\"threadTitle\":\"A thread\","
                + "\"authorId\":\"reader-1\",\"authorName\":\"Reader\",\"text\":\"" + text + "\"}";
        return postRaw(body, SITE_KEY);
    }

    HttpResponse<String> postRaw(String body, String apiKey) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + ingest.http() + "/api/v1/comments"))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> decide(String commentId, String action) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + moderation.http()
                        + "/api/v1/comments/" + commentId + "/decision"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")).build());
    }

    HttpResponse<String> queue() {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + moderation.http() + "/api/v1/queue?limit=200"))
                .header("Authorization", basic()).build());
    }

    /** A record that is not a comment, produced straight onto the topic as a site's own producer might. */
    void producePoison() {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServices.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(submittedTopic(), "deploy-thread",
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("poison record not produced", e);
        }
    }

    HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build());
    }

    Scrape scrape(Ports service) {
        var response = get(service.management(), "/actuator/prometheus");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scrape answered " + response.statusCode() + ": " + response.body());
        }
        return new Scrape(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((MODERATOR + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        processes.forEach(ServiceProcess::close);
    }
}
