package news.moderation.ingest.parsing;

import news.moderation.contract.CommentLimits;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.contract.Violation;
import news.moderation.ingest.outcome.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CommentBodyParserTest {

    static final String SITE = "daily-news";
    static final UUID EVENT_ID = UUID.fromString("00000000-0000-0000-0000-000000000042");
    static final Instant RECEIVED = Instant.parse("2026-11-23T09:17:01.250Z");

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                arguments("truncated JSON", "{\"commentId\": \"c-1\",",
                        Reason.MALFORMED_JSON, List.of("body"), "is not valid JSON: "),
                arguments("not JSON at all", "commentId=c-1&text=hi",
                        Reason.MALFORMED_JSON, List.of("body"), "is not valid JSON: "),
                arguments("an empty body", "",
                        Reason.MALFORMED_JSON, List.of("body"), "is empty"),
                arguments("an array", "[{\"commentId\": \"c-1\"}]",
                        Reason.MALFORMED_JSON, List.of("body"), "must be a JSON object, not an array"),
                arguments("a bare string", "\"hello\"",
                        Reason.MALFORMED_JSON, List.of("body"), "must be a JSON object, not a string"),
                arguments("JSON null", "null",
                        Reason.MALFORMED_JSON, List.of("body"), "must be a JSON object, not null"),
                arguments("a second value after the object", json(valid()) + " {}",
                        Reason.MALFORMED_JSON, List.of("body"), "is not valid JSON: "),
                arguments("a field given twice", json(valid()).replace("}", ",\"text\":\"other\"}"),
                        Reason.MALFORMED_JSON, List.of("body"), "Duplicate"),
                arguments("text missing", json(edit(b -> b.remove("text"))),
                        Reason.INVALID_FIELD, List.of("text"), "is required"),
                arguments("text only whitespace", json(edit(b -> b.put("text", " \t\u2003\n"))),
                        Reason.INVALID_FIELD, List.of("text"), "must not be empty or only whitespace"),
                arguments("text one code point too long",
                        json(edit(b -> b.put("text", "é".repeat(CommentLimits.MAX_TEXT_CODE_POINTS + 1)))),
                        Reason.INVALID_FIELD, List.of("text"), "is longer than"),
                arguments("text a number", json(edit(b -> b.put("text", 123))),
                        Reason.INVALID_FIELD, List.of("text"), "must be a string, not a number"),
                arguments("commentId an object", json(edit(b -> b.put("commentId", Map.of()))),
                        Reason.INVALID_FIELD, List.of("commentId"), "must be a string, not an object"),
                arguments("threadId an array", json(edit(b -> b.put("threadId", List.of("t")))),
                        Reason.INVALID_FIELD, List.of("threadId"), "must be a string, not an array"),
                arguments("authorName a boolean", json(edit(b -> b.put("authorName", true))),
                        Reason.INVALID_FIELD, List.of("authorName"), "must be a string, not a boolean"),
                arguments("commentId missing", json(edit(b -> b.remove("commentId"))),
                        Reason.INVALID_FIELD, List.of("commentId"), "is required"),
                arguments("commentId null", json(edit(b -> b.put("commentId", null))),
                        Reason.INVALID_FIELD, List.of("commentId"), "is required"),
                arguments("authorId with a space", json(edit(b -> b.put("authorId", "u 7"))),
                        Reason.INVALID_FIELD, List.of("authorId"), "must be 1-128 characters"),
                arguments("threadUrl not http", json(edit(b -> b.put("threadUrl", "javascript:alert(1)"))),
                        Reason.INVALID_FIELD, List.of("threadUrl"), "absolute http or https URL"),
                arguments("a misspelt field", json(edit(b -> b.put("parentID", "c-0"))),
                        Reason.INVALID_FIELD, List.of("parentID"), "did you mean parentId?"),
                arguments("an unknown field", json(edit(b -> b.put("mood", "grumpy"))),
                        Reason.INVALID_FIELD, List.of("mood"), "is not a known field"),
                arguments("a server-set field", json(edit(b -> b.put("receivedAt", "2026-11-23T09:17:00Z"))),
                        Reason.INVALID_FIELD, List.of("receivedAt"), "is set by the server"),
                arguments("postedAt not ISO-8601", json(edit(b -> b.put("postedAt", "23/11/2026 09:17"))),
                        Reason.INVALID_FIELD, List.of("postedAt"), "ISO-8601"),
                arguments("postedAt without a zone", json(edit(b -> b.put("postedAt", "2026-11-23T09:17:00"))),
                        Reason.INVALID_FIELD, List.of("postedAt"), "ISO-8601"),
                arguments("postedAt epoch millis", json(edit(b -> b.put("postedAt", 1_795_000_000_000L))),
                        Reason.INVALID_FIELD, List.of("postedAt"), "must be a string, not a number"),
                arguments("siteId of another site", json(edit(b -> b.put("siteId", "other-site"))),
                        Reason.INVALID_FIELD, List.of("siteId"), "equal the site of the API key (daily-news)"),
                arguments("siteId a number", json(edit(b -> b.put("siteId", 7))),
                        Reason.INVALID_FIELD, List.of("siteId"), "must be a string"),
                arguments("text only a script", json(edit(b -> b.put("text", "<script>alert(1)</script>"))),
                        Reason.INVALID_FIELD, List.of("text"), "has no text once HTML and control characters"),
                arguments("text only control characters", json(edit(b -> b.put("text", "\u0000\u0007\u001b"))),
                        Reason.INVALID_FIELD, List.of("text"), "has no text once"),
                arguments("text over the limit before its markup is removed", json(edit(b -> b.put("text",
                                "<b>" + "x".repeat(CommentLimits.MAX_TEXT_CODE_POINTS - 3) + "</b>"))),
                        Reason.INVALID_FIELD, List.of("text"), "is longer than 10000 characters"),
                arguments("text with an escaped lone surrogate", json(valid()).replace("turn off the gas.",
                                "turn off \\ud83d the gas."),
                        Reason.INVALID_FIELD, List.of("text"), "unpaired UTF-16 surrogate at index 36"),
                arguments("several problems at once", json(edit(b -> {
                    b.put("parentID", "c-0");
                    b.put("text", 123);
                    b.remove("threadId");
                    b.put("authorName", " ");
                })), Reason.INVALID_FIELD, List.of("parentID", "text", "threadId", "authorName"), "did you mean"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBodies")
    void refusesTheBodyNamingEachBadFieldOnce(String name, String body, Reason reason, List<String> fields,
                                              String firstReasonContains) {
        var parsed = parse(body);

        assertThat(parsed).isInstanceOf(ParsedComment.Rejected.class);
        var rejected = (ParsedComment.Rejected) parsed;
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.errors()).extracting(Violation::field).containsExactlyElementsOf(fields);
        assertThat(rejected.errors().get(0).reason()).contains(firstReasonContains);
        assertThat(rejected.detail()).isNotBlank();
    }

    @Test
    void malformedJsonDetailSaysWhatAndWhere() {
        var rejected = (ParsedComment.Rejected) parse("{\"commentId\": nope}");

        assertThat(rejected.detail()).startsWith("body is not valid JSON: ").contains("line 1, column");
    }

    @Test
    void invalidFieldsDetailListsTheFields() {
        var rejected = (ParsedComment.Rejected) parse(json(edit(b -> {
            b.remove("text");
            b.put("commentId", 5);
        })));

        assertThat(rejected.detail()).isEqualTo("invalid fields: commentId, text");
    }

    @Test
    void aCompleteBodyBecomesAnEventOfTheKeysSite() {
        var body = valid();
        body.put("threadTitle", "Gas prices");
        body.put("threadUrl", "https://news.example/gas");
        body.put("parentId", "c-0");
        body.put("postedAt", "2026-11-23T09:17:00Z");

        assertThat(parse(json(body))).isEqualTo(new ParsedComment.Valid(CommentSubmitted.of(EVENT_ID, "c-1", SITE,
                "thread-9", "Gas prices", "https://news.example/gas", "c-0", "u-7", "Reader",
                "All the dwarf has to do is turn off the gas.", Instant.parse("2026-11-23T09:17:00Z"), RECEIVED)));
    }

    static Stream<Arguments> acceptedVariations() {
        return Stream.of(
                arguments("postedAt left out: dated when received", edit(b -> b.remove("postedAt")),
                        (Consumer<CommentSubmitted>) e -> assertThat(e.postedAt()).isEqualTo(RECEIVED)),
                arguments("postedAt with an offset: normalised to UTC",
                        edit(b -> b.put("postedAt", "2026-11-23T10:17:00+01:00")),
                        (Consumer<CommentSubmitted>) e -> assertThat(e.postedAt())
                                .isEqualTo(Instant.parse("2026-11-23T09:17:00Z"))),
                arguments("optional fields null: absent", edit(b -> {
                    b.put("threadTitle", null);
                    b.put("parentId", null);
                    b.put("postedAt", null);
                }), (Consumer<CommentSubmitted>) e -> {
                    assertThat(e.threadTitle()).isNull();
                    assertThat(e.parentId()).isNull();
                    assertThat(e.postedAt()).isEqualTo(RECEIVED);
                }),
                arguments("siteId repeating the key's site", edit(b -> b.put("siteId", SITE)),
                        (Consumer<CommentSubmitted>) e -> assertThat(e.siteId()).isEqualTo(SITE)),
                arguments("text kept exactly as written", edit(b -> b.put("text", "  Привет 😀\n")),
                        (Consumer<CommentSubmitted>) e -> assertThat(e.text()).isEqualTo("  Привет 😀\n")),
                arguments("HTML reduced to its text, scripts dropped",
                        edit(b -> b.put("text", "<p>Tom &amp; Jerry</p><script>steal(document.cookie)</script>ok")),
                        (Consumer<CommentSubmitted>) e -> assertThat(e.text()).isEqualTo("Tom & Jerry\nok")),
                arguments("control characters removed, newlines and tabs kept",
                        edit(b -> b.put("text", "line\u0000one\r\n\tline two\u0007")),
                        (Consumer<CommentSubmitted>) e -> assertThat(e.text()).isEqualTo("lineone\n\tline two")),
                arguments("author name and thread title cleaned too", edit(b -> {
                    b.put("authorName", "Ann &amp; Bo\u0000b");
                    b.put("threadTitle", "<i>Gas</i> &#8211; talks");
                }), (Consumer<CommentSubmitted>) e -> {
                    assertThat(e.authorName()).isEqualTo("Ann & Bob");
                    assertThat(e.threadTitle()).isEqualTo("Gas \u2013 talks");
                }),
                arguments("a comparison is not markup", edit(b -> b.put("text", "x < y and y > z")),
                        (Consumer<CommentSubmitted>) e -> assertThat(e.text()).isEqualTo("x < y and y > z")),
                arguments("text of exactly the maximum length in code points",
                        edit(b -> b.put("text", "😀".repeat(CommentLimits.MAX_TEXT_CODE_POINTS))),
                        (Consumer<CommentSubmitted>) e -> assertThat(e.text()).hasSize(
                                2 * CommentLimits.MAX_TEXT_CODE_POINTS)));
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                arguments("Latin-1 in the text", bytes("{\"text\": \"caf"), new byte[]{(byte) 0xE9}, 13),
                arguments("a lone continuation byte", bytes("{"), new byte[]{(byte) 0x80}, 1),
                arguments("an overlong encoding of '/'", bytes("{\"text\": \""), new byte[]{(byte) 0xC0, (byte) 0xAF}, 10),
                arguments("a CESU-8 surrogate", bytes("{\"text\": \""), new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void refusesInvalidUtf8NamingTheByte(String name, byte[] before, byte[] bad, int offset) {
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(before);
        body.writeBytes(bad);
        body.writeBytes(bytes("\"}"));

        var rejected = (ParsedComment.Rejected) CommentBodyParser.parse(body.toByteArray(), SITE, ids(), RECEIVED);

        assertThat(rejected.reason()).isEqualTo(Reason.INVALID_ENCODING);
        assertThat(rejected.errors()).containsExactly(new Violation("body", "is not valid UTF-8 at byte " + offset));
    }

    @Test
    void serverFieldsAreIgnoredOnlyWhenAsked() {
        var body = json(edit(b -> {
            b.put("eventId", "00000000-0000-0000-0000-000000000001");
            b.put("receivedAt", "2020-01-01T00:00:00Z");
            b.put("schemaVersion", 1);
        })).getBytes(StandardCharsets.UTF_8);

        assertThat(CommentBodyParser.parse(body, SITE, ids(), RECEIVED)).isInstanceOf(ParsedComment.Rejected.class);
        var valid = (ParsedComment.Valid) CommentBodyParser.parse(body, SITE, ids(), RECEIVED,
                CommentBodyParser.ServerFields.IGNORE);
        assertThat(valid.event().eventId()).isEqualTo(EVENT_ID);
        assertThat(valid.event().receivedAt()).isEqualTo(RECEIVED);
    }

    static Stream<Arguments> batches() {
        return Stream.of(
                arguments("an array of three", "[{}, 1, {\"a\": 2}]", "3 elements"),
                arguments("an empty array", "[]", "0 elements"),
                arguments("an object", "{}", "MALFORMED_JSON: body must be a JSON array of comments, not an object"),
                arguments("truncated", "[{}, ", "MALFORMED_JSON: body is not valid JSON"),
                arguments("empty", "", "MALFORMED_JSON: body is empty"),
                arguments("one too many", "[" + "{},".repeat(3) + "{}]", "TOO_LARGE: the batch has 4 comments; at most 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void aBatchIsAnArrayOfBoundedSize(String name, String body, String outcome) {
        var batch = CommentBodyParser.parseArray(bytes(body), 3);

        var described = batch instanceof CommentBodyParser.Batch.Elements elements
                ? elements.elements().size() + " elements"
                : ((CommentBodyParser.Batch.Refused) batch).rejected().reason() + ": "
                        + ((CommentBodyParser.Batch.Refused) batch).rejected().detail();
        assertThat(described).startsWith(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedVariations")
    void acceptsTheBody(String name, Map<String, Object> body, Consumer<CommentSubmitted> check) {
        var parsed = parse(json(body));

        assertThat(parsed).isInstanceOf(ParsedComment.Valid.class);
        var event = ((ParsedComment.Valid) parsed).event();
        assertThat(event.siteId()).isEqualTo(SITE);
        assertThat(event.eventId()).isEqualTo(EVENT_ID);
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
        check.accept(event);
    }

    private static ParsedComment parse(String body) {
        return CommentBodyParser.parse(bytes(body), SITE, ids(), RECEIVED);
    }

    private static EventIds ids() {
        return (site, comment) -> EVENT_ID;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> valid() {
        var body = new LinkedHashMap<String, Object>();
        body.put("commentId", "c-1");
        body.put("threadId", "thread-9");
        body.put("authorId", "u-7");
        body.put("authorName", "Reader");
        body.put("text", "All the dwarf has to do is turn off the gas.");
        return body;
    }

    private static Map<String, Object> edit(Consumer<Map<String, Object>> change) {
        var body = valid();
        change.accept(body);
        return body;
    }

    private static String json(Map<String, Object> body) {
        return ContractJson.mapper().writeValueAsString(body);
    }
}
