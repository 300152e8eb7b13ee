package news.moderation.contract;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the contracts: ISO-8601 instants, absent optionals left out, unknown properties
 * tolerated on read so that a newer producer's additions do not poison an older consumer.
 *
 * <pre>{@code
 * byte[] bytes = ContractJson.write(event);
 * CommentModerated back = ContractJson.read(bytes, CommentModerated.class);
 * }</pre>
 */
public final class ContractJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ContractJson() {
    }

    /** The shared mapper; Jackson 3 mappers are immutable and thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** @throws JacksonException when {@code json} is not a {@code type} */
    public static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /**
     * Decodes and validates a {@code comments.submitted} record value; never throws.
     *
     * <pre>{@code
     * if (ContractJson.decodeSubmitted(record.value()) instanceof SubmittedDecoding.Invalid invalid) {
     *     deadLetter(record, invalid.problem());
     * }
     * }</pre>
     */
    public static SubmittedDecoding decodeSubmitted(byte[] value) {
        if (value == null) {
            return new SubmittedDecoding.Invalid(SubmittedDecoding.Problem.UNPARSEABLE, "record has no value");
        }
        CommentSubmitted event;
        try {
            event = MAPPER.readValue(value, CommentSubmitted.class);
        } catch (JacksonException e) {
            return new SubmittedDecoding.Invalid(SubmittedDecoding.Problem.UNPARSEABLE, e.getOriginalMessage());
        }
        if (event == null) {
            return new SubmittedDecoding.Invalid(SubmittedDecoding.Problem.UNPARSEABLE, "value is JSON null");
        }
        if (event.schemaVersion() != CommentSubmitted.SCHEMA_VERSION) {
            return new SubmittedDecoding.Invalid(SubmittedDecoding.Problem.UNKNOWN_SCHEMA_VERSION,
                    "schemaVersion " + event.schemaVersion() + " is not " + CommentSubmitted.SCHEMA_VERSION);
        }
        var violations = CommentLimits.violations(event);
        if (!violations.isEmpty()) {
            var problem = violations.stream().anyMatch(v -> v.field().equals("text") && v.reason().startsWith("is longer"))
                    ? SubmittedDecoding.Problem.TEXT_TOO_LONG
                    : SubmittedDecoding.Problem.INVALID_FIELDS;
            return new SubmittedDecoding.Invalid(problem, violations.toString());
        }
        return new SubmittedDecoding.Valid(event);
    }
}
