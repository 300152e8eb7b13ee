package news.moderation.ingest.importer;

import news.moderation.contract.CommentSubmitted;
import news.moderation.ingest.parsing.EventIds;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveReadersTest {

    static final String SITE = "fixture-gazette";
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void jsonlLinesBecomeCommentsOrRejectionsWithTheirLineNumbers() throws Exception {
        var entries = read(ArchiveFormat.JSONL, "comments.jsonl");

        assertThat(entries).extracting(ArchiveReadersTest::describe).containsExactly(
                "line 1: comment j-1 in budget-2027",
                "line 2: comment j-2 in budget-2027 replying to j-1",
                "line 4: rejected text: must be a string, not a number",
                "line 5: comment j-4 in budget-2027",
                "line 6: rejected body: is not valid JSON: Unexpected end-of-input",
                "line 7: comment j-6 in budget-2027");
        var cleaned = event(entries.get(3));
        assertThat(cleaned.text()).isEqualTo("Fixture & markup");
        // a dump's own eventId is replaced: the import's ids are derived, the same on every run
        assertThat(cleaned.eventId()).isEqualTo(EventIds.derived().eventIdFor(SITE, "j-4"));
        assertThat(cleaned.siteId()).isEqualTo(SITE);
        assertThat(event(entries.get(0)).postedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(event(entries.get(5)).postedAt()).as("no postedAt: the import time").isEqualTo(NOW);
    }

    @Test
    void aWordPressExportKeepsRepliesUnderTheirParentsInThreadsOfTheirPosts() throws Exception {
        var entries = read(ArchiveFormat.WXR, "wordpress.wxr.xml");
        var lines = linesOf("wordpress.wxr.xml", "<wp:comment>");

        assertThat(entries).extracting(ArchiveReadersTest::describe).containsExactly(
                "line " + lines.get(0) + ", wp:comment 5: comment wp-12-5 in wp-12",
                "line " + lines.get(1) + ", wp:comment 6: comment wp-12-6 in wp-12 replying to wp-12-5",
                "line " + lines.get(2) + ", wp:comment 7: comment wp-12-7 in wp-12 replying to wp-12-6",
                "line " + lines.get(3) + ", wp:comment 8: skipped SPAM",
                "line " + lines.get(4) + ", wp:comment 9: skipped DELETED",
                "line " + lines.get(5) + ", wp:comment 10: skipped PINGBACK",
                "line " + lines.get(6) + ", wp:comment 20: comment wp-13-20 in wp-13",
                "line " + lines.get(7) + ", wp:comment 21: rejected text: has no text once HTML and control "
                        + "characters are removed");

        var first = event(entries.get(0));
        assertThat(first.threadTitle()).isEqualTo("Harbour bridge reopens");
        assertThat(first.threadUrl()).isEqualTo("https://gazette.example/2026/harbour-bridge");
        assertThat(first.postedAt()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
        assertThat(first.authorName()).isEqualTo("Fixture Commenter");
        assertThat(first.authorId()).startsWith("wp-guest-h").doesNotContain("@");
        assertThat(event(entries.get(2)).authorId()).as("same e-mail, same author").isEqualTo(first.authorId());
        var staff = event(entries.get(1));
        assertThat(staff.authorId()).isEqualTo("wp-user-3");
        assertThat(staff.text()).isEqualTo("Thanks & noted.\nThe ferry timetable is unchanged.");
        assertThat(event(entries.get(2)).text()).isEqualTo("Good to know.");
        var draft = event(entries.get(6));
        assertThat(draft.threadTitle()).isEqualTo("Library hours \u2013 a survey");
        assertThat(draft.authorName()).isEqualTo("Anonymous");
        assertThat(draft.postedAt()).as("zero GMT date: the local one").isEqualTo(Instant.parse("2026-02-02T09:00:00Z"));
    }

    @Test
    void aDisqusExportSkipsDeletedAndSpamPostsAndLinksRepliesToParents() throws Exception {
        var entries = read(ArchiveFormat.DISQUS, "disqus.xml");
        var lines = linesOf("disqus.xml", "<post ");

        assertThat(entries).extracting(ArchiveReadersTest::describe).containsExactly(
                "line " + lines.get(0) + ", post 2001: comment disqus-2001 in disqus-100",
                "line " + lines.get(1) + ", post 2002: comment disqus-2002 in disqus-100 replying to disqus-2001",
                "line " + lines.get(2) + ", post 2003: comment disqus-2003 in disqus-100 replying to disqus-2002",
                "line " + lines.get(3) + ", post 2004: skipped DELETED",
                "line " + lines.get(4) + ", post 2005: skipped SPAM",
                "line " + lines.get(5) + ", post 2006: skipped DELETED",
                "line " + lines.get(6) + ", post 2007: rejected createdAt: is not an ISO-8601 instant");

        var first = event(entries.get(0));
        assertThat(first.text()).isEqualTo("The new cycle lane is a good start.\nLighting next?");
        assertThat(first.threadTitle()).isEqualTo("Harbour bridge reopens");
        assertThat(first.threadUrl()).isEqualTo("https://gazette.example/2026/harbour-bridge");
        assertThat(first.authorName()).isEqualTo("Fixture Cyclist");
        // an underscore is not allowed in ids, so the username is hashed, the same way every time
        assertThat(first.authorId()).startsWith("disqus-user-h").isEqualTo(event(entries.get(2)).authorId());
        assertThat(event(entries.get(1)).authorId()).startsWith("disqus-guest-h");
        assertThat(event(entries.get(2)).text()).isEqualTo("Phase two was due last year\u2026");
        assertThat(first.eventId()).isEqualTo(EventIds.derived().eventIdFor(SITE, "disqus-2001"));
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        assertThatThrownBy(() -> read(ArchiveFormat.WXR, "xxe.wxr.xml"))
                .isInstanceOf(ArchiveReader.ArchiveException.class)
                .hasMessageContaining("secret");
    }

    @Test
    void xmlThatBreaksOffStopsReadingWithTheLineWhereItBroke() throws Exception {
        var xml = """
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_id>1</wp:post_id>
                <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>A</wp:comment_author>
                <wp:comment_date_gmt>2026-02-01 10:00:00</wp:comment_date_gmt>
                <wp:comment_content>Fine</wp:comment_content><wp:comment_parent>0</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>2</wp:comment_content>
                """;
        try (var reader = ArchiveFormat.WXR.open(stream(xml), SITE, NOW)) {
            assertThat(reader.next()).isInstanceOf(ArchiveEntry.Comment.class);
            assertThatThrownBy(reader::next).isInstanceOf(ArchiveReader.ArchiveException.class)
                    .hasMessageStartingWith("line 5: not well-formed XML");
        }
    }

    @Test
    void aLargeExportIsReadAsAStream() throws Exception {
        int comments = 20_000;
        var header = "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>\n";
        Function<Integer, String> item = i -> "<item><title>Post " + i + "</title><wp:post_id>" + i + "</wp:post_id>"
                + "<wp:comment><wp:comment_id>" + i + "</wp:comment_id><wp:comment_author>Reader</wp:comment_author>"
                + "<wp:comment_date_gmt>2026-02-01 10:00:00</wp:comment_date_gmt>"
                + "<wp:comment_content>Generated comment " + i + "</wp:comment_content>"
                + "<wp:comment_parent>0</wp:comment_parent></wp:comment></item>\n";
        // Generated as it is read: the export never exists as a whole, in memory or on disk.
        var parts = new Iterator<InputStream>() {
            int next = -1;

            public boolean hasNext() {
                return next <= comments;
            }

            public InputStream next() {
                var text = next == -1 ? header : next == comments ? "</channel></rss>" : item.apply(next);
                next++;
                return stream(text);
            }
        };
        long published = 0;
        try (var reader = ArchiveFormat.WXR.open(new SequenceInputStream(enumeration(parts)), SITE, NOW)) {
            for (var entry = reader.next(); entry != null; entry = reader.next()) {
                if (entry instanceof ArchiveEntry.Comment) {
                    published++;
                }
            }
        }
        assertThat(published).isEqualTo(comments);
    }

    private static java.util.Enumeration<InputStream> enumeration(Iterator<InputStream> parts) {
        return new java.util.Enumeration<>() {
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            public InputStream nextElement() {
                return parts.next();
            }
        };
    }

    static List<ArchiveEntry> read(ArchiveFormat format, String fixture) throws Exception {
        var entries = new ArrayList<ArchiveEntry>();
        try (var reader = format.open(Files.newInputStream(fixture(fixture)), SITE, NOW)) {
            for (var entry = reader.next(); entry != null; entry = reader.next()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/importer", name);
    }

    /** 1-based numbers of the lines containing {@code marker}, to keep expectations in step with the fixture. */
    static List<Integer> linesOf(String fixture, String marker) throws IOException {
        var lines = Files.readAllLines(fixture(fixture));
        var found = new ArrayList<Integer>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                found.add(i + 1);
            }
        }
        return found;
    }

    static String describe(ArchiveEntry entry) {
        var prefix = entry.location() + ": ";
        if (entry instanceof ArchiveEntry.Comment comment) {
            var event = comment.event();
            return prefix + "comment " + event.commentId() + " in " + event.threadId()
                    + (event.parentId() == null ? "" : " replying to " + event.parentId());
        }
        if (entry instanceof ArchiveEntry.Skipped skipped) {
            return prefix + "skipped " + skipped.reason();
        }
        var reason = ((ArchiveEntry.Rejected) entry).reason();
        // Jackson's messages go on with details that are not ours to pin
        int cut = reason.indexOf(" at [");
        var shortReason = reason.startsWith("body: is not valid JSON") ? reason.substring(0, Math.min(reason.length(),
                "body: is not valid JSON: Unexpected end-of-input".length())) : cut > 0 ? reason.substring(0, cut) : reason;
        return prefix + "rejected " + shortReason;
    }

    private static CommentSubmitted event(ArchiveEntry entry) {
        return ((ArchiveEntry.Comment) entry).event();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
