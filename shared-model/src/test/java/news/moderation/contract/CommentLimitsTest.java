package news.moderation.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommentLimitsTest {

    static CommentSubmitted withText(String text) {
        return CommentSubmitted.of(UUID.randomUUID(), "c-1", "daily-news", "t-1", null, null, null, "a-1",
                "Reader", text, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aCompleteCommentHasNoViolations() {
        assertThat(CommentLimits.violations(withText("fine words"))).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] text {0}")
    @CsvSource(delimiter = '|', value = {
            "''           | must not be empty or only whitespace",
            "'   \t\n '   | must not be empty or only whitespace",
            "'\u200b'     | must not be empty or only whitespace",
    })
    void blankTextsAreRejected(String text, String reason) {
        assertThat(CommentLimits.violations(withText(text))).containsExactly(new Violation("text", reason));
    }

    @Test
    void theTextLimitCountsCodePointsNotUtf16Units() {
        var emoji = "😀".repeat(CommentLimits.MAX_TEXT_CODE_POINTS);

        assertThat(CommentLimits.violations(withText(emoji))).isEmpty();
        assertThat(CommentLimits.violations(withText(emoji + "x")))
                .extracting(Violation::field).containsExactly("text");
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        var empty = new CommentSubmitted(1, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(CommentLimits.violations(empty)).extracting(Violation::field).containsExactly(
                "eventId", "commentId", "siteId", "threadId", "authorId", "authorName", "text", "postedAt",
                "receivedAt");
    }

    @ParameterizedTest
    @CsvSource({"'has space'", "'-leading-dash'", "'<script>'", "''"})
    void idsOutsideTheSafeAlphabetAreRejected(String id) {
        var event = CommentSubmitted.of(UUID.randomUUID(), id, "s", "t", null, null, null, "a", "A", "x",
                Instant.EPOCH, Instant.EPOCH);

        assertThat(CommentLimits.violations(event)).extracting(Violation::field).containsExactly("commentId");
    }

    @ParameterizedTest
    @CsvSource({"'javascript:alert(1)'", "'ftp://example.org/x'", "'not a url'"})
    void threadUrlsMustBeHttp(String url) {
        var event = CommentSubmitted.of(UUID.randomUUID(), "c", "s", "t", null, url, null, "a", "A", "x",
                Instant.EPOCH, Instant.EPOCH);

        assertThat(CommentLimits.violations(event)).extracting(Violation::field).containsExactly("threadUrl");
    }
}
