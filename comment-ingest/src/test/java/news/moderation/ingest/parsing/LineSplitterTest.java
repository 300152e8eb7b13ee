package news.moderation.ingest.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineSplitterTest {

    static final String STREAM = "first\r\n\n  \nsecond\n" + "x".repeat(40) + "\nthird";

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 7, 16, 1000})
    void linesComeOutTheSameHoweverTheStreamIsChunked(int chunkSize) {
        var lines = split(new LineSplitter(32), STREAM, chunkSize);

        assertThat(lines).containsExactly("1:first", "4:second", "5:too long (40 bytes)", "6:third");
    }

    @Test
    void aLineOfExactlyTheLimitFitsEvenWithCrLf() {
        assertThat(split(new LineSplitter(4), "abcd\r\nabcde\n", 3)).containsExactly("1:abcd", "2:too long (5 bytes)");
    }

    @Test
    void anEmptyStreamHasNoLines() {
        assertThat(split(new LineSplitter(8), "", 4)).isEmpty();
        assertThat(split(new LineSplitter(8), "\n\n", 4)).isEmpty();
    }

    @Test
    void aHugeLineIsCountedWithoutBeingKept() {
        var splitter = new LineSplitter(16);
        var chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 64; i++) {
            assertThat(splitter.feed(chunk, 0, chunk.length)).isEmpty();
        }
        var end = "\nok\n".getBytes(StandardCharsets.UTF_8);

        var lines = splitter.feed(end, 0, end.length);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(new LineSplitter.Line.TooLong(1, 64L << 20));
        assertThat(new String(((LineSplitter.Line.Text) lines.get(1)).bytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    private static List<String> split(LineSplitter splitter, String stream, int chunkSize) {
        var bytes = stream.getBytes(StandardCharsets.UTF_8);
        var out = new ArrayList<LineSplitter.Line>();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            out.addAll(splitter.feed(bytes, i, Math.min(chunkSize, bytes.length - i)));
        }
        out.addAll(splitter.finish());
        return out.stream().map(line -> line.number() + ":" + (line instanceof LineSplitter.Line.Text text
                ? new String(text.bytes(), StandardCharsets.UTF_8)
                : "too long (" + ((LineSplitter.Line.TooLong) line).length() + " bytes)")).toList();
    }
}
