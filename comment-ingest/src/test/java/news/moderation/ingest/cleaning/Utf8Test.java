package news.moderation.ingest.cleaning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "ASCII                        | 68656c6c6f       | -1",
            "two-byte é                   | 41c3a9           | -1",
            "three-byte €                 | e282ac           | -1",
            "four-byte 😀                 | f09f9880         | -1",
            "Latin-1 é                    | 41e942           | 1",
            "lone continuation byte       | 4180             | 1",
            "truncated sequence at end    | 41e282           | 1",
            "overlong slash               | c0af             | 0",
            "overlong three-byte          | e080af           | 0",
            "encoded surrogate (CESU-8)   | eda080           | 0",
            "above U+10FFFF               | f4908080         | 0",
            "F5 never starts a sequence   | f5808080         | 0",
            "continuation byte missing    | e24141           | 0",
    })
    void findsTheFirstInvalidByte(String name, String hex, int expected) {
        assertThat(Utf8.firstInvalidByte(HexFormat.of().parseHex(hex))).isEqualTo(expected);
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        var random = new Random(42);
        for (int run = 0; run < 20_000; run++) {
            var bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            assertThat(Utf8.firstInvalidByte(bytes) < 0).as(HexFormat.of().formatHex(bytes)).isEqualTo(jdkAccepts(bytes));
        }
    }

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
