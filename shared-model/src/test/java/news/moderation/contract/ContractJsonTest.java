package news.moderation.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ContractJsonTest {

    static final Instant POSTED = Instant.parse("2026-11-23T09:17:00Z");
    static final Instant RECEIVED = Instant.parse("2026-11-23T09:17:01.250Z");

    static CommentSubmitted submitted() {
        return CommentSubmitted.of(UUID.fromString("00000000-0000-0000-0000-000000000001"), "c-1", "daily-news",
                "thread-9", "A title", "https://example.org/a", "c-0", "u-7", "Reader",
                "Привет, world", POSTED, RECEIVED);
    }

    @Test
    void submittedRoundTripsWithIsoInstantsAndSchemaVersion() {
        var json = new String(ContractJson.write(submitted()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"schemaVersion\":1")
                .contains("\"postedAt\":\"2026-11-23T09:17:00Z\"")
                .contains("\"receivedAt\":\"2026-11-23T09:17:01.250Z\"")
                .contains("Привет");
        assertThat(ContractJson.read(json.getBytes(StandardCharsets.UTF_8), CommentSubmitted.class))
                .isEqualTo(submitted());
    }

    @Test
    void absentOptionalFieldsAreLeftOutOfTheJson() {
        var event = CommentSubmitted.of(UUID.randomUUID(), "c-1", "s", "t", null, null, null, "a", "A", "x",
                POSTED, RECEIVED);

        var json = new String(ContractJson.write(event), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("threadTitle").doesNotContain("threadUrl").doesNotContain("parentId");
    }

    @Test
    void moderatedRoundTripsWithReasons() {
        var event = new CommentModerated(CommentModerated.SCHEMA_VERSION, UUID.randomUUID(), "c-1", "daily-news",
                "thread-9", ModerationStatus.PENDING, CommentModerated.DECIDED_BY_RULES,
                List.of(new CommentModerated.Reason("epithet.dwarf", "EPITHET", 3, 8, 17, "the dwarf")),
                "default@1", RECEIVED);

        var json = ContractJson.write(event);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"status\":\"PENDING\"")
                .contains("\"decidedAt\":\"2026-11-23T09:17:01.250Z\"");
        assertThat(ContractJson.read(json, CommentModerated.class)).isEqualTo(event);
    }

    @Test
    void decodingAcceptsAValidRecordAndToleratesFieldsAddedByNewerProducers() {
        var json = new String(ContractJson.write(submitted()), StandardCharsets.UTF_8)
                .replace("{", "{\"addedLater\":true,");

        var decoded = ContractJson.decodeSubmitted(json.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded).isEqualTo(new SubmittedDecoding.Valid(submitted()));
    }

    @Test
    void decodingNamesTheProblemOfEachKindOfPoisonRecord() {
        var valid = new String(ContractJson.write(submitted()), StandardCharsets.UTF_8);

        assertThat(problemOf("{not json")).isEqualTo(SubmittedDecoding.Problem.UNPARSEABLE);
        assertThat(problemOf("null")).isEqualTo(SubmittedDecoding.Problem.UNPARSEABLE);
        assertThat(problemOf(valid.replace("\"schemaVersion\":1", "\"schemaVersion\":7")))
                .isEqualTo(SubmittedDecoding.Problem.UNKNOWN_SCHEMA_VERSION);
        assertThat(problemOf(valid.replace("\"commentId\":\"c-1\",", "")))
                .isEqualTo(SubmittedDecoding.Problem.INVALID_FIELDS);
        assertThat(problemOf(valid.replace("Привет, world", "x".repeat(CommentLimits.MAX_TEXT_CODE_POINTS + 1))))
                .isEqualTo(SubmittedDecoding.Problem.TEXT_TOO_LONG);
    }

    private static SubmittedDecoding.Problem problemOf(String json) {
        var decoded = ContractJson.decodeSubmitted(json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isInstanceOf(SubmittedDecoding.Invalid.class);
        return ((SubmittedDecoding.Invalid) decoded).problem();
    }
}
