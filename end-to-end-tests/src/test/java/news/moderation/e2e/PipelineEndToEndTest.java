package news.moderation.e2e;

import news.moderation.local.ServiceProcess;
import news.moderation.local.TestServices;
import news.moderation.service.console.HeadlessChromium;
import news.moderation.service.console.ScreenshotOnFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services from their packaged jars, as {@code ./run-local} starts them, on a real Kafka broker and
 * a MongoDB server (embedded ones, or those named by KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI).
 */
class PipelineEndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    static final String SITE_KEY = "e2e-site-key";

    final String run = TestServices.uniqueName("e2e");
    final HttpClient http = HttpClient.newHttpClient();
    static final Duration UI = Duration.ofSeconds(15);

    final List<ServiceProcess> processes = new ArrayList<>();
    static HeadlessChromium chromium;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> chromium == null ? null : chromium.driver());

    @AfterEach
    void stopServices() {
        processes.forEach(ServiceProcess::close);
    }

    @Test
    void aCommentPostedOverHttpIsModeratedQueuedAndShownLiveInTheConsoleEvenIfPostedWhileModerationWasDown() throws Exception {
        var ingestPort = freePort();
        var moderationPort = freePort();
        var env = Map.of("KAFKA_BOOTSTRAP_SERVERS", TestServices.kafkaBootstrapServers(),
                "MONGODB_URI", TestServices.mongoUri());

        var ingest = start("comment-ingest", env, ingestPort, List.of(
                "--ingest.topic=" + run + ".submitted",
                "--ingest.sites[0].site-id=e2e-site",
                "--ingest.sites[0].key-sha256=" + sha256(SITE_KEY)));
        ingest.awaitReady(ingestPort, Duration.ofMinutes(2));

        var whileDown = post(ingestPort, comment("e2e-early", "Dwarfstan cuts the gas again."));
        assertThat(whileDown.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(whileDown.body()).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(post(ingestPort, "{\"commentId\": \"e2e-bad\", \"text\": ").statusCode()).isEqualTo(400);

        var moderationArguments = new ArrayList<>(TestServices.moderationRunArguments(run));
        moderationArguments.addAll(List.of(
                "--moderation.security.users[0].username=mod",
                "--moderation.security.users[0].password={noop}pw",
                "--moderation.security.users[0].roles=MODERATOR"));
        var moderation = start("moderation-service", env, moderationPort, moderationArguments);
        moderation.awaitReady(moderationPort, Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(60)).until(() -> queuedIds(moderationPort).contains("e2e-early"));

        // a moderator has the console open when the next comment is posted to the ingest API
        var browser = chromium.driver();
        browser.get("http://localhost:" + moderationPort + "/?threadId=e2e-thread");
        await().atMost(UI).until(() -> browser.findElement(By.id("signin")).isDisplayed());
        browser.findElement(By.id("username")).sendKeys("mod");
        browser.findElement(By.id("password")).sendKeys("pw", Keys.ENTER);
        await().atMost(UI).until(() -> listed(browser, "e2e-early"));
        await().atMost(UI).until(() -> browser.findElement(By.id("live")).getText().equals("Live"));
        browser.executeScript("window.__samePage = true");

        assertThat(post(ingestPort, comment("e2e-gas", "All the dwarf has to do is turn off the gas.")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(browser, "e2e-gas"));
        assertThat(browser.executeScript("return window.__samePage === true")).as("shown without a reload")
                .isEqualTo(true);
        browser.findElement(By.cssSelector("li.item[data-id='e2e-gas'] button.item-open")).click();
        await().atMost(UI).until(() -> !browser.findElements(
                By.cssSelector("#detail-body[data-comment-id='e2e-gas'] #comment-text mark.hl")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#comment-text mark.hl")).getText()).isEqualTo("the dwarf");
        assertThat(queuedIds(moderationPort)).contains("e2e-gas");

        var item = StreamSupport.stream(queue(moderationPort).path("items").spliterator(), false)
                .filter(i -> i.path("commentId").asString().equals("e2e-gas")).findFirst().orElseThrow();
        assertThat(item.path("siteId").asString()).isEqualTo("e2e-site");
        assertThat(item.path("reasons").get(0).path("excerpt").asString()).isEqualTo("the dwarf");

        var approve = HttpRequest.newBuilder(URI.create("http://localhost:" + moderationPort
                        + "/api/v1/comments/e2e-gas/decision"))
                .header("Authorization", basic("mod", "pw")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"APPROVE\"}")).build();
        assertThat(http.send(approve, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(queuedIds(moderationPort)).doesNotContain("e2e-gas").contains("e2e-early");
        await().atMost(UI).until(() -> !listed(browser, "e2e-gas"));
    }

    private static boolean listed(ChromeDriver browser, String commentId) {
        return !browser.findElements(By.cssSelector("li.item[data-id='" + commentId + "']")).isEmpty();
    }

    private ServiceProcess start(String module, Map<String, String> env, int port, List<String> args) {
        var all = new ArrayList<>(args);
        all.add("--server.port=" + port);
        var process = ServiceProcess.start(module, ServiceProcess.jar(ROOT, module), all, env,
                ROOT.resolve("end-to-end-tests/target/e2e-logs/" + run + "-" + module + ".log"));
        processes.add(process);
        return process;
    }

    private static String comment(String id, String text) {
        return JSON.writeValueAsString(Map.of("commentId", id, "threadId", "e2e-thread", "threadTitle", "A thread",
                "authorId", "reader-1", "authorName", "Reader", "text", text));
    }

    private HttpResponse<String> post(int port, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/comments"))
                .header("X-Api-Key", SITE_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode queue(int port) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/queue?limit=200"))
                .header("Authorization", basic("mod", "pw")).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<String> queuedIds(int port) throws IOException, InterruptedException {
        return StreamSupport.stream(queue(port).path("items").spliterator(), false)
                .map(i -> i.path("commentId").asString()).toList();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
