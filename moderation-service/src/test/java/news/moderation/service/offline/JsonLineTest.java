package news.moderation.service.offline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLineTest {

    @Test
    void readsEveryKindOfValue() throws Exception {
        var value = JsonLine.parse(" {\"s\":\"a\\\"b\\\\c\\u0434\\n\",\"n\":-1.5e3,\"t\":true,\"f\":false,\"z\":null,"
                + "\"a\":[1,{\"x\":[]}],\"o\":{}} ");

        assertThat(value).isInstanceOf(Map.class);
        var object = (Map<?, ?>) value;
        assertThat(object.get("s")).isEqualTo("a\"b\\cд\n");
        assertThat(object.get("n")).isEqualTo(-1500.0);
        assertThat(object.get("t")).isEqualTo(true);
        assertThat(object.get("f")).isEqualTo(false);
        assertThat(object.get("z")).isSameAs(JsonLine.NULL);
        assertThat(object.get("a")).isEqualTo(List.of(1.0, Map.of("x", List.of())));
        assertThat(object.get("o")).isEqualTo(Map.of());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"a\":1} x`               | unexpected 'x' after the value at column 9",
            "`{\"a\":\"open`             | string starting here is not closed at column 6",
            "`{a:1}`                     | expected a field name in double quotes at column 2",
            "`{\"a\":01}`                | expected ',' or '}' at column 7",
            "`{\"a\":tru}`               | expected a value at column 6",
            "`{\"a\":\"\\x\"}`           | unknown escape \\x",
            "`[1,]`                      | unexpected ']', expected a value at column 4",
            "``                          | unexpected end of line, expected a value at column 1",
    })
    void refusesWhatIsNotJsonAndSaysWhere(String line, String message) {
        assertThatThrownBy(() -> JsonLine.parse(line)).isInstanceOf(JsonLine.JsonException.class)
                .hasMessageContaining(message);
    }

    @Test
    void deepNestingIsRefusedRatherThanOverflowingTheStack() {
        var deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> JsonLine.parse(deep)).isInstanceOf(JsonLine.JsonException.class)
                .hasMessageContaining("nested more than 64 levels deep");
    }
}
