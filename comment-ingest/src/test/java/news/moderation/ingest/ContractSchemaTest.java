package news.moderation.ingest;

import news.moderation.contract.CommentLimits;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.contract.SubmittedDecoding;
import news.moderation.contract.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published JSON Schema is what sites producing straight onto the topic code against: it must say what
 * the contract classes enforce, so these tests fail as soon as one changes without the other.
 */
class ContractSchemaTest {

    static final JsonNode SCHEMA = ContractJson.mapper().readTree(
            read(Path.of("..", "docs", "contract", "comment-submitted.schema.json")));

    @Test
    void describesExactlyTheFieldsOfTheContract() {
        var components = Arrays.stream(CommentSubmitted.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toSet());

        assertThat(new HashSet<>(SCHEMA.get("properties").propertyNames())).isEqualTo(components);
    }

    @Test
    void requiresWhatTheLimitsRequire() {
        var empty = new CommentSubmitted(CommentSubmitted.SCHEMA_VERSION, null, null, null, null, null, null, null,
                null, null, null, null, null);
        var required = CommentLimits.violations(empty).stream()
                .filter(v -> v.reason().startsWith("is required")).map(Violation::field).collect(Collectors.toSet());
        required.add("schemaVersion");

        var schemaRequired = new HashSet<String>();
        SCHEMA.get("required").forEach(node -> schemaRequired.add(node.stringValue()));
        assertThat(schemaRequired).isEqualTo(required);
        assertThat(SCHEMA.get("properties").get("schemaVersion").get("const").intValue())
                .isEqualTo(CommentSubmitted.SCHEMA_VERSION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"commentId", "threadId", "parentId", "authorId"})
    void idsFollowTheIdPattern(String field) {
        assertThat(property(field, "pattern")).isEqualTo("^" + CommentLimits.ID.pattern() + "$");
    }

    @Test
    void siteIdsFollowTheSiteIdPattern() {
        assertThat(property("siteId", "pattern")).isEqualTo("^" + CommentLimits.SITE_ID.pattern() + "$");
    }

    @Test
    void lengthsAreTheLimits() {
        assertThat(SCHEMA.at("/properties/text/maxLength").intValue()).isEqualTo(CommentLimits.MAX_TEXT_CODE_POINTS);
        assertThat(SCHEMA.at("/properties/authorName/maxLength").intValue())
                .isEqualTo(CommentLimits.MAX_AUTHOR_NAME_CODE_POINTS);
        assertThat(SCHEMA.at("/properties/threadTitle/maxLength").intValue())
                .isEqualTo(CommentLimits.MAX_THREAD_TITLE_CODE_POINTS);
        assertThat(SCHEMA.at("/properties/threadUrl/maxLength").intValue()).isEqualTo(CommentLimits.MAX_URL_LENGTH);
    }

    @Test
    void theExamplesAreValidRecords() {
        var examples = new ArrayList<JsonNode>();
        SCHEMA.get("examples").forEach(examples::add);

        assertThat(examples).isNotEmpty().allSatisfy(example -> assertThat(ContractJson.decodeSubmitted(
                ContractJson.mapper().writeValueAsBytes(example))).isInstanceOf(SubmittedDecoding.Valid.class));
    }

    private static String property(String field, String keyword) {
        return SCHEMA.get("properties").get(field).get(keyword).stringValue();
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the schema belongs at " + path.toAbsolutePath(), e);
        }
    }
}
