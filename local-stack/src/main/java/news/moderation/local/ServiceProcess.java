package news.moderation.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One of the services started from its executable jar in a child JVM, its output in a log file: the same
 * way for {@code ./run-local} and for the end-to-end tests.
 *
 * <pre>{@code
 * try (var ingest = ServiceProcess.start("comment-ingest", ServiceProcess.jar(root, "comment-ingest"),
 *         List.of("--server.port=8081"), Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka), logs.resolve("ingest.log"))) {
 *     ingest.awaitReady(8081, Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** The executable jar a module's build left in its {@code target/} folder. */
    public static Path jar(Path repositoryRoot, String module) {
        var target = repositoryRoot.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                var file = p.getFileName().toString();
                return file.startsWith(module + "-") && file.endsWith(".jar") && !file.endsWith("-sources.jar")
                        && !file.endsWith("-javadoc.jar") && !file.endsWith("-exec.jar");
            }).findFirst().orElseThrow(() -> new IllegalStateException("no jar in " + target + ": run ./mvnw package"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + ": run ./mvnw -DskipTests package first", e);
        }
    }

    public static ServiceProcess start(String name, Path jar, List<String> args, Map<String, String> env, Path log) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            return new ServiceProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until the service's readiness probe answers UP, or fails with the end of its log. */
    public void awaitReady(int port, Duration timeout) {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log:\n" + tail());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child JVM itself: its CPU time for load harnesses, or a {@code destroyForcibly()} to simulate a crash. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }

    /** The last lines of the log, for error messages. */
    public String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Asks for a graceful shutdown, and forces it after 20 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
