package news.moderation.service.console;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.service.support.IsolatedRun;
import news.moderation.service.support.KafkaTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.bidi.module.LogInspector;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.module.Script;
import org.openqa.selenium.bidi.network.AddInterceptParameters;
import org.openqa.selenium.bidi.network.InterceptPhase;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The moderator console in a real headless Chromium against the whole service on the test broker and
 * database: what a moderator sees and does, by keyboard, with comments arriving through Kafka as sites send
 * them. One browser serves the class; every test starts in a tab of its own (fresh sessionStorage, so
 * signed out) and works in a thread of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "moderation.security.users[0].username=mod",
        "moderation.security.users[0].password={noop}pw",
        "moderation.security.users[0].roles=MODERATOR",
        "moderation.security.users[1].username=mod2",
        "moderation.security.users[1].password={noop}pw",
        "moderation.security.users[1].roles=MODERATOR",
        "moderation.security.users[2].username=boss",
        "moderation.security.users[2].password={noop}pw",
        "moderation.security.users[2].roles=ADMIN,MODERATOR",
})
@SuppressWarnings("unchecked")
class ConsoleBrowserTest {

    static final IsolatedRun RUN = new IsolatedRun("console");
    static final Duration UI = Duration.ofSeconds(15);
    static HeadlessChromium chromium;
    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();
    static LogInspector logs;
    static Script preload;
    static final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RUN.register(registry);
    }

    @BeforeAll
    static void start() {
        chromium = HeadlessChromium.start();
        logs = new LogInspector(chromium.driver());
        logs.onJavaScriptException(entry -> scriptErrors.add(entry.getText()));
        // the console must live within its own Content-Security-Policy: record anything the browser blocks
        preload = new Script(chromium.driver());
        preload.addPreloadScript("""
                () => {
                  window.__cspViolations = [];
                  document.addEventListener('securitypolicyviolation',
                    e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
                }""");
    }

    @AfterAll
    static void stop() {
        if (logs != null) {
            logs.close();
        }
        if (preload != null) {
            preload.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (kafka != null) {
            }
    }

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> chromium == null ? null : chromium.driver());

    @LocalServerPort
    int port;

    WebTestClient http;
    ChromeDriver browser;

    @BeforeEach
    void freshTab() {
        http = WebTestClient.bindToServer().baseUrl(base()).responseTimeout(Duration.ofSeconds(30)).build();
        browser = chromium.driver();
        var old = browser.getWindowHandles();
        browser.switchTo().newWindow(WindowType.TAB);
        var fresh = browser.getWindowHandle();
        for (var handle : old) {
            browser.switchTo().window(handle).close();
        }
        browser.switchTo().window(fresh);
        scriptErrors.clear();
    }

    @AfterEach
    void nothingFailedOrWasBlocked() {
        assertThat(scriptErrors).as("uncaught JavaScript errors in the console").isEmpty();
        assertThat((List<Object>) script("return window.__cspViolations || []"))
                .as("what the Content-Security-Policy blocked").isEmpty();
    }

    @Test
    void aModeratorSignsInSeesTheHeldCommentWithItsSpanHighlightedAndApprovesItWithTheKeyboard() {
        var thread = unique("approve");
        var id = held(comment(thread, "Only the dwarf would sign this."));
        var detail = detail(id);
        var reason = ((List<Map<String, Object>>) detail.get("reasons")).get(0);
        var matched = ((String) detail.get("text")).substring((int) reason.get("start"), (int) reason.get("end"));
        assertThat(matched).isEqualTo("the dwarf");

        open("/");
        signIn("mod");
        assertThat(browser.findElement(By.id("rule-test")).isDisplayed()).as("the rule tester is for admins").isFalse();
        browser.findElement(By.cssSelector("#filters input[name=threadId]")).sendKeys(thread, Keys.ENTER);
        awaitDetailOf(id);

        var marks = browser.findElements(By.cssSelector("#comment-text mark.hl"));
        assertThat(marks).singleElement().satisfies(mark -> {
            assertThat(mark.getText()).isEqualTo(matched);
            assertThat(mark.getAttribute("class")).contains("cat-epithet");
        });
        assertThat(browser.findElement(By.cssSelector("#comment-text .hl-label")).getText()).isEqualTo("epithet");
        assertThat(browser.findElement(By.id("author")).getText()).contains("NORMAL", "1 pending");
        assertThat(browser.findElement(By.id("history")).getText()).contains("rules", "PENDING");

        // Enter left the focus in the thread field, where keys type; Escape steps out, then one key decides
        new Actions(browser).sendKeys(Keys.ESCAPE).sendKeys("a").perform();

        await().atMost(UI).until(() -> !listed(id));
        assertThat(detail(id)).containsEntry("status", "APPROVED").containsEntry("decidedBy", "mod");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Approved");
    }

    @Test
    void aCommentHeldWhileThePageIsOpenAppearsWithoutAReloadAndLeavesWhenAnotherModeratorDecidesIt() {
        var thread = unique("live");
        open("/?threadId=" + thread);
        signIn("mod");
        await().atMost(UI).until(() -> browser.findElement(By.id("empty")).isDisplayed());
        await().atMost(UI).until(() -> browser.findElement(By.id("live")).getText().equals("Live"));
        script("window.__samePage = true");

        // the page's stream and the service's consumer of comments.moderated join asynchronously: post
        // (through Kafka, as a site would) until one comment shows up live, then every later one does
        var posted = new ArrayList<String>();
        var lastPost = new long[]{0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (posted.stream().anyMatch(this::listed)) {
                return true;
            }
            if (System.nanoTime() - lastPost[0] > Duration.ofSeconds(5).toNanos()) {
                posted.add(held(comment(thread, "The dwarf turns up live, take " + posted.size())));
                lastPost[0] = System.nanoTime();
            }
            return false;
        });
        var live = posted.stream().filter(this::listed).findFirst().orElseThrow();
        assertThat((Boolean) script("return window.__samePage === true")).as("no reload").isTrue();
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("New comment held");
        awaitDetailOf(live);
        assertThat(browser.findElement(By.cssSelector("#comment-text mark.hl")).getText()).isEqualTo("The dwarf");

        for (var id : posted) {
            decide("mod2", id, "APPROVE", 1);
        }

        await().atMost(UI).until(() -> posted.stream().noneMatch(this::listed));
        assertThat(browser.findElement(By.id("detail-notice")).getText()).contains("APPROVED", "by mod2");
    }

    @Test
    void commentTextIsShownAsLiteralTextAndNothingInItRuns() {
        var thread = unique("xss");
        var text = "Only the dwarf <img src=x onerror=alert(1)><script>window.__xss=1</script>"
                + "<img src=y onerror=\"window.__xss=2\"> would sign.";
        var id = held(CommentSubmitted.of(UUID.randomUUID(), thread + "-c", "test-site", thread,
                "<script>window.__xss=3</script>Thread", null, null, "x-author",
                "<img src=z onerror=\"window.__xss=5\">", text, Instant.now(), Instant.now()));

        open("/?threadId=" + thread);
        signIn("mod");
        awaitDetailOf(id);

        var shown = browser.findElement(By.id("comment-text")).getText();
        assertThat(shown).contains("<img src=x onerror=alert(1)><script>window.__xss=1</script>",
                "<img src=y onerror=\"window.__xss=2\">");
        assertThat(browser.findElement(By.cssSelector("#comment-text mark.hl")).getText()).isEqualTo("the dwarf");
        assertThat(row(id).getText()).contains("<img src=z onerror=\"window.__xss=5\">",
                "<script>window.__xss=3</script>Thread");
        assertThat(browser.findElements(By.cssSelector("#app img, #app script"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat((String) script("return typeof window.__xss")).isEqualTo("undefined");
        // and should code ever hand data to an HTML sink, the page's Trusted Types policy refuses it
        assertThat((String) script("""
                try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); return 'parsed'; }
                catch (e) { return e.name; }""")).isEqualTo("TypeError");
        assertThat((List<Object>) script("return window.__cspViolations.splice(0)")).singleElement()
                .asString().startsWith("require-trusted-types-for");
    }

    @Test
    void aDecisionOnAStaleVersionShowsThatAnotherModeratorDecidedFirstAndTheCurrentState() {
        var thread = unique("conflict");
        var id = held(comment(thread, "The dwarf, decided twice."));
        open("/?threadId=" + thread);
        signIn("mod");
        awaitDetailOf(id);
        assertThat(browser.findElement(By.id("detail-meta")).getText()).contains("PENDING", "version 1");

        decide("mod2", id, "HIDE", 1);
        new Actions(browser).sendKeys("a").perform();

        await().atMost(UI).until(() -> browser.findElement(By.id("conflict")).isDisplayed());
        assertThat(browser.findElement(By.id("conflict")).getText())
                .contains("Someone else decided first", "Your approve was not applied", "HIDDEN", "mod2", "version 2");
        assertThat(detail(id)).containsEntry("status", "HIDDEN").containsEntry("decidedBy", "mod2");
    }

    @Test
    void aWrongPasswordIsToldOnTheFormAndTheBrowserNeverRaisesItsOwnSignInDialog() {
        try (var network = new Network(browser)) {
            // every point where the browser would ask for credentials itself is reported here, and cancelled
            var prompts = new CopyOnWriteArrayList<String>();
            network.addIntercept(new AddInterceptParameters(InterceptPhase.AUTH_REQUIRED));
            network.onAuthRequired(response -> {
                prompts.add(response.getRequest().getUrl());
                network.cancelAuth(response.getRequest().getRequestId());
            });
            open("/");
            signInAs("mod", "not-the-password");

            await().atMost(UI).until(() -> browser.findElement(By.id("signin-error")).getText()
                    .startsWith("Wrong user name or password"));
            assertThat(prompts).as("the browser's own Basic dialog").isEmpty();

            // the same 401 does raise the dialog for a request that lets the browser add credentials, so the
            // check above would have seen one
            // (fired without waiting: the driver takes no other command while an async script runs, cancelAuth
            // included)
            script("fetch('/api/v1/me', {credentials: 'include'}).then(r => window.__control = r.status); return null;");
            await().atMost(UI).until(() -> Long.valueOf(401).equals(script("return window.__control")));
            assertThat(prompts).singleElement().satisfies(url -> assertThat(url).endsWith("/api/v1/me"));
        }
    }

    @Test
    void overlappingAndNestedSpansRenderEveryCharacterOnceWithEachPieceMarked() {
        open("/");
        var result = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/highlight.js').then(({highlighted}) => {
                  const text = 'Ab \\u{1F600} utter fool dwarf!';
                  const box = document.createElement('div');
                  box.append(highlighted(text, [
                    {start: 3, end: 16, category: 'insult', ruleId: 'r1', severity: 3},
                    {start: 6, end: 11, category: 'EPITHET', ruleId: 'r2', severity: 2},
                    {start: 12, end: 22, category: 'insult', ruleId: 'r3', severity: 3},
                    {start: 20, end: 99, category: 'spam', ruleId: 'out-of-range', severity: 1}]));
                  const pieces = [...box.childNodes].filter(n => !(n.classList && n.classList.contains('hl-label')));
                  done({
                    text: pieces.map(n => n.textContent).join(''),
                    original: text,
                    marks: [...box.querySelectorAll('mark')].map(m => m.textContent + '|' + m.dataset.categories),
                    labels: [...box.querySelectorAll('.hl-label')].map(l => l.textContent),
                  });
                }, e => done({error: String(e)}));""");

        assertThat(result).doesNotContainKey("error");
        assertThat(result.get("text")).isEqualTo(result.get("original"));
        assertThat((List<String>) result.get("marks")).containsExactly(
                "\uD83D\uDE00 |insult", "utter|insult epithet", " |insult", "fool|insult", " dwarf|insult");
        assertThat((List<String>) result.get("labels")).containsExactly("epithet", "insult", "insult");
    }

    @Test
    void adminsTestTextAgainstTheRulesAndSeeTheSpans() {
        open("/");
        signIn("boss");
        browser.findElement(By.cssSelector("#rule-test summary")).click();
        var box = browser.findElement(By.id("rule-test-text"));
        box.sendKeys("Only the dwarf would sign this.");
        browser.findElement(By.cssSelector("#rule-test-form button[type=submit]")).click();

        await().atMost(UI).until(() -> !browser.findElements(By.cssSelector("#rule-test-result mark.hl")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#rule-test-result mark.hl")).getText()).isEqualTo("the dwarf");
        assertThat(browser.findElement(By.cssSelector("#rule-test-result .verdict")).getText()).contains("REVIEW");
    }

    @Test
    void theConsoleIsServedWithoutCredentialsUnderAStrictContentSecurityPolicyWhileTheApiStaysClosed() {
        for (var asset : List.of("/", "/console/console.js", "/console/console.css")) {
            var headers = http.get().uri(asset).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).as(asset)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                            "require-trusted-types-for 'script'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        }
        var api = http.get().uri("/api/v1/queue").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseHeaders();
        assertThat(api.getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        http.post().uri("/").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/me").headers(h -> h.setBasicAuth("boss", "pw")).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"username\":\"boss\",\"roles\":[\"ADMIN\",\"MODERATOR\"]}");
    }


    // ---------------------------------------------------------------------------------------------- helpers

    String base() {
        return "http://localhost:" + port;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void open(String path) {
        browser.get(base() + path);
        await().atMost(UI).until(() -> browser.findElement(By.id("signin")).isDisplayed());
    }

    void signIn(String user) {
        signInAs(user, "pw");
        await().atMost(UI).until(() -> browser.findElement(By.id("app")).isDisplayed());
        assertThat(browser.findElement(By.id("who")).getText()).startsWith(user);
    }

    void signInAs(String user, String password) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    }

    WebElement row(String commentId) {
        return browser.findElement(By.cssSelector("li.item[data-id='" + commentId + "']"));
    }

    boolean listed(String commentId) {
        return !browser.findElements(By.cssSelector("li.item[data-id='" + commentId + "']")).isEmpty();
    }

    void awaitDetailOf(String commentId) {
        await().atMost(UI).until(() -> !browser.findElements(
                By.cssSelector("#detail-body[data-comment-id='" + commentId + "'] #comment-text")).isEmpty());
    }

    Object script(String code) {
        return browser.executeScript(code);
    }

    static CommentSubmitted comment(String thread, String text) {
        return CommentSubmitted.of(UUID.randomUUID(), thread + "-" + UUID.randomUUID().toString().substring(0, 8),
                "test-site", thread, "Thread " + thread, null, null, "author-" + thread, "Reader " + thread, text,
                Instant.now(), Instant.now());
    }

    /** Sends the comment as a site would and waits until the service has stored it as held. */
    String held(CommentSubmitted comment) {
        kafka.send(RUN.submitted(), comment.threadId(), ContractJson.write(comment));
        await().atMost(Duration.ofSeconds(30)).until(() -> detail(comment.commentId()) != null);
        assertThat(detail(comment.commentId())).containsEntry("status", "PENDING");
        return comment.commentId();
    }

    Map<String, Object> detail(String commentId) {
        var result = http.get().uri("/api/v1/comments/{id}", commentId).headers(h -> h.setBasicAuth("mod", "pw"))
                .exchange().returnResult(new ParameterizedTypeReference<Map<String, Object>>() {
                });
        return result.getStatus().is2xxSuccessful() ? result.getResponseBody().blockFirst() : null;
    }

    void decide(String user, String commentId, String action, long version) {
        http.post().uri("/api/v1/comments/{id}/decision", commentId).headers(h -> h.setBasicAuth(user, "pw"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", action, "version", version))
                .exchange().expectStatus().isOk().expectBody();
    }
}
