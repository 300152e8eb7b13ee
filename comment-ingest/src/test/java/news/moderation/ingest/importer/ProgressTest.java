package news.moderation.ingest.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    @ParameterizedTest(name = "{0} of {1} bytes, {2} comments in {3} s")
    @CsvSource(delimiter = '|', value = {
            "0       | 1000    | 0      | 0    | [..............................]   0%  0 comments  0/s  ETA -:--",
            "500     | 1000    | 12000  | 3    | [###############...............]  50%  12,000 comments  4,000/s  ETA 0:03",
            "1000    | 1000    | 24000  | 6    | [##############################] 100%  24,000 comments  4,000/s  ETA 0:00",
            "1       | 4000    | 10     | 1    | [..............................]   0%  10 comments  10/s  ETA 1:06:39",
            "100     | -1      | 10     | 1    | [..............................]   0%  10 comments  10/s  ETA -:--",
    })
    void rendersShareCountRateAndTimeLeft(long bytes, long total, long comments, double seconds, String line) {
        assertThat(Progress.render(bytes, total, comments, seconds)).isEqualTo(line);
    }

    @ParameterizedTest(name = "terminal: {0}")
    @CsvSource({"true, true", "false, false"})
    void drawsOnlyOnATerminal(boolean terminal, boolean drawn) {
        var err = new ByteArrayOutputStream();
        var progress = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), 100, terminal);

        progress.update(50, 5);
        progress.finish(100, 10);

        assertThat(err.toString(StandardCharsets.UTF_8).contains("\r[")).isEqualTo(drawn);
    }
}
