package news.moderation.ingest.importer;

import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.ingest.TopicReader;
import news.moderation.local.TestServices;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The import command end to end: files in, records on a real Kafka topic of this run's own, summary out. */
class ImportCommandTest {

    static final String SITE = "fixture-gazette";

    @RegisterExtension
    static final TopicReader topic = new TopicReader("ingest-import");

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aJsonlArchiveIsPublishedAndItsRejectedLinesAreListedWithTheirReasons() {
        int status = importFixture("jsonl", "comments.jsonl", false);

        assertThat(status).as("rejected lines make it exit 1").isEqualTo(1);
        assertThat(published("j-6")).extracting(CommentSubmitted::commentId).containsExactly("j-1", "j-2", "j-4", "j-6");
        assertThat(stdout())
                .containsPattern("read\\s+6 comments")
                .containsPattern("published\\s+4\\n")
                .containsPattern("skipped\\s+0\\n")
                .containsPattern("rejected\\s+2\\n")
                .contains("  line 4: text: must be a string, not a number")
                .contains("  line 6: body: is not valid JSON");
        assertThat(stderr()).as("no terminal, no progress bar").doesNotContain("ETA");
    }

    @Test
    void importingTheSameArchiveAgainPublishesTheSameEventsSoNothingIsModeratedTwice() {
        importFixture("wxr", "wordpress.wxr.xml", false);
        var first = published("wp-13-20");
        topic.skipToEnd();

        int status = importFixture("wxr", "wordpress.wxr.xml", false);
        var second = published("wp-13-20");

        assertThat(status).isEqualTo(1);
        assertThat(second).extracting(CommentSubmitted::commentId)
                .containsExactly("wp-12-5", "wp-12-6", "wp-12-7", "wp-13-20");
        // same commentIds for moderation-service's upsert, same eventIds so the repeat is recognisable
        assertThat(second).extracting(CommentSubmitted::eventId)
                .containsExactlyElementsOf(first.stream().map(CommentSubmitted::eventId).toList());
        assertThat(second).extracting(CommentSubmitted::parentId).containsExactly(null, "wp-12-5", "wp-12-6", null);
    }

    @Test
    void aDisqusExportReportsWhatWasSkippedAndWhy() {
        int status = importFixture("disqus", "disqus.xml", false);

        assertThat(status).isEqualTo(1);
        assertThat(published("disqus-2003")).extracting(CommentSubmitted::commentId)
                .containsExactly("disqus-2001", "disqus-2002", "disqus-2003");
        assertThat(stdout())
                .containsPattern("read\\s+7 comments")
                .containsPattern("skipped\\s+3\\s+\\(spam 1, deleted 2\\)")
                .containsPattern("rejected\\s+1\\n")
                .containsPattern("  line \\d+, post 2007: createdAt: is not an ISO-8601 instant");
    }

    @Test
    void anArchiveWithNothingRejectedExitsZeroAndDrawsProgressOnATerminal() throws IOException {
        var file = dir.resolve("clean.jsonl");
        Files.writeString(file, """
                {"commentId": "ok-1", "threadId": "t-1", "authorId": "a-1", "authorName": "Fixture", "text": "One."}
                {"commentId": "ok-2", "threadId": "t-1", "authorId": "a-2", "authorName": "Fixture", "text": "Two."}
                """);

        int status = run(true, "--format", "jsonl", "--site", SITE, "--topic", topic.name(),
                "--bootstrap-servers", TestServices.kafkaBootstrapServers(), file.toString());

        assertThat(status).isZero();
        assertThat(published("ok-2")).hasSize(2);
        assertThat(stderr()).contains("\r[##############################] 100%").contains("2 comments");
    }

    @Test
    void xmlThatBreaksOffStopsTheImportWithExitTwoAndTheLine() throws IOException {
        var file = dir.resolve("broken.xml");
        Files.writeString(file, """
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_id>77</wp:post_id>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>A</wp:comment_author>
                <wp:comment_date_gmt>2026-02-01 10:00:00</wp:comment_date_gmt>
                <wp:comment_content>Before the break</wp:comment_content></wp:comment>
                <wp:comment><wp:comment_id>2</wp:comment_content>
                """);

        int status = run(false, "--format", "wxr", "--site", SITE, "--topic", topic.name(),
                "--bootstrap-servers", TestServices.kafkaBootstrapServers(), file.toString());

        assertThat(status).isEqualTo(2);
        assertThat(published("wp-77-1")).extracting(CommentSubmitted::commentId).containsExactly("wp-77-1");
        assertThat(stdout()).contains("stopped early: line 5: not well-formed XML");
    }

    @Test
    void aDryRunValidatesWithoutPublishing() {
        int status = run(false, "--format", "jsonl", "--site", SITE, "--dry-run",
                ArchiveReadersTest.fixture("comments.jsonl").toString());

        assertThat(status).isEqualTo(1);
        assertThat(stdout()).contains("as a dry run").containsPattern("published\\s+4\\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no format                | --site x f.jsonl                         | --format is required",
            "unknown format           | --format csv --site x f.csv              | --format must be jsonl, wxr or disqus",
            "site not a site id       | --format jsonl --site 'Daily News' f     | --site is required and must match",
            "no file                  | --format jsonl --site x                  | FILE is required",
            "two files                | --format jsonl --site x a b              | one FILE at a time",
            "unknown option           | --format jsonl --site x --fast f         | unknown option --fast",
            "missing file             | --format jsonl --site x no/such.jsonl    | cannot read no/such.jsonl",
    })
    void aWrongCommandLineExitsTwoSayingWhy(String name, String args, String message) {
        var argv = new ArrayList<String>();
        var matcher = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(args);
        while (matcher.find()) {
            argv.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }

        assertThat(run(false, argv.toArray(String[]::new))).isEqualTo(2);
        assertThat(stderr()).contains(message);
    }

    private int importFixture(String format, String fixture, boolean terminal) {
        return run(terminal, "--format", format, "--site", SITE, "--topic", topic.name(),
                "--bootstrap-servers", TestServices.kafkaBootstrapServers(),
                ArchiveReadersTest.fixture(fixture).toString());
    }

    private int run(boolean terminal, String... args) {
        out.reset();
        err.reset();
        return ImportCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal,
                Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));
    }

    private List<CommentSubmitted> published(String lastCommentId) {
        return topic.readUntil(r -> lastCommentId.equals(event(r).commentId())).stream()
                .map(ImportCommandTest::event).toList();
    }

    private static CommentSubmitted event(ConsumerRecord<String, byte[]> record) {
        return ContractJson.read(record.value(), CommentSubmitted.class);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
