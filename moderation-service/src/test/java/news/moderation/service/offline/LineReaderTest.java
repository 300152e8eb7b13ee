package news.moderation.service.offline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    @Test
    void splitsOnNewlinesDropsCarriageReturnsAndTheByteOrderMark() throws IOException {
        assertThat(read("\uFEFFone\r\ntwo\n\nthree", 100)).containsExactly("one", "two", "", "three");
    }

    @Test
    void aTrailingNewlineDoesNotMakeAnEmptyLastLine() throws IOException {
        assertThat(read("one\ntwo\n", 100)).containsExactly("one", "two");
    }

    @Test
    void overlongLinesAreSkippedWithoutBufferingThemAndCountedAsLines() throws IOException {
        var reader = new LineReader(new StringReader("short\n" + "y".repeat(50_000) + "\nafter\n"), 10);

        assertThat(reader.next()).isEqualTo("short");
        assertThat(reader.next()).isSameAs(LineReader.TOO_LONG);
        assertThat(reader.lineNumber()).isEqualTo(2);
        assertThat(reader.next()).isEqualTo("after");
        assertThat(reader.lineNumber()).isEqualTo(3);
        assertThat(reader.next()).isNull();
    }

    private static List<String> read(String text, int max) throws IOException {
        var reader = new LineReader(new StringReader(text), max);
        var lines = new ArrayList<String>();
        String line;
        while ((line = reader.next()) != null) {
            lines.add(line);
        }
        return lines;
    }
}
