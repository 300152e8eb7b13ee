package news.moderation.service.queue;

import news.moderation.service.web.InvalidParameter;

import java.util.Arrays;
import java.util.Locale;

/** Typed parsing of request values, with errors that name the field and the allowed values. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(field, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).toList());
        }
    }

    static <E extends Enum<E>> E required(Class<E> type, String value, String field) {
        var parsed = enumOf(type, value, field);
        if (parsed == null) {
            throw new InvalidParameter(field, "is required: one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).toList());
        }
        return parsed;
    }

    static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!news.moderation.contract.CommentLimits.ID.matcher(value).matches()) {
            throw new InvalidParameter(field, "is not a valid id");
        }
        return value;
    }

    static Integer range(Integer value, int min, int max, String field) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidParameter(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
