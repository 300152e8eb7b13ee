package news.moderation.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Streams demo comments through the ingest API as a site would: the real reader threads in
 * {@code ../shared/corpus/seed-threads.jsonl} when present, else the bundled demo file.
 *
 * <pre>{@code
 * var result = new DemoTraffic(URI.create("http://localhost:8081"), "demo-site-key").post(lines, "demo", out);
 * }</pre>
 */
final class DemoTraffic {

    record Result(int accepted, int rejected) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI ingest;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoTraffic(URI ingest, String apiKey) {
        this.ingest = ingest;
        this.apiKey = apiKey;
    }

    static BufferedReader open(Path seedFile) throws IOException {
        if (Files.isRegularFile(seedFile)) {
            return Files.newBufferedReader(seedFile, StandardCharsets.UTF_8);
        }
        var bundled = DemoTraffic.class.getResourceAsStream("/demo/demo-comments.jsonl");
        return new BufferedReader(new InputStreamReader(bundled, StandardCharsets.UTF_8));
    }

    Result post(BufferedReader lines, java.io.PrintStream out) {
        int accepted = 0;
        int rejected = 0;
        try {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                var body = toIngestBody(JSON.readTree(line));
                var request = HttpRequest.newBuilder(ingest.resolve("/api/v1/comments"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("X-Api-Key", apiKey)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    accepted++;
                } else {
                    rejected++;
                    out.printf("  demo line %d (%s) rejected: %d %s%n", number, body.path("commentId").asString(),
                            response.statusCode(), response.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(accepted, rejected);
    }

    /** The corpus names the author only; the API wants an id too, so one is derived from the name. */
    private static ObjectNode toIngestBody(JsonNode line) {
        var body = JSON.createObjectNode();
        for (var field : new String[] {"commentId", "threadId", "threadTitle", "threadUrl", "parentId", "authorId",
                "authorName", "text", "postedAt"}) {
            var value = line.get(field);
            if (value != null && !value.isNull()) {
                body.set(field, value);
            }
        }
        var author = line.path("author").asString(line.path("authorName").asString("reader"));
        body.put("authorName", author);
        if (!body.has("authorId")) {
            var slug = author.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            body.put("authorId", slug.isEmpty() ? "reader" : slug);
        }
        return body;
    }
}
