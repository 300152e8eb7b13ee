package news.moderation.ingest.importer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

/**
 * {@code import}: streams a site's comment archive onto the submitted topic, without the web server. Prints
 * a progress bar to stderr on a terminal and a summary to stdout: read, published, skipped (by reason) and
 * rejected (with line or element and reason).
 *
 * <pre>{@code
 * KAFKA_BOOTSTRAP_SERVERS=kafka:9092 java -jar comment-ingest/target/comment-ingest-*.jar \
 *     import --format wxr --site daily-news wordpress-export.xml
 * }</pre>
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    /** For {@code main}: the real environment, console and clock; returns the exit status. */
    public static int main(String[] args) {
        // Before any logger exists: Kafka's client logs warnings to stderr only, stdout carries the summary.
        System.setProperty("logback.configurationFile", "importer-logback.xml");
        return run(args, System.getenv(), System.out, System.err, System.console() != null, Clock.systemUTC());
    }

    /**
     * @param terminal whether stderr is a person's terminal, which gets the progress bar
     * @return 0 all published or skipped on purpose, 1 some rejected, 2 stopped early or a usage error
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
                   Clock clock) {
        var parsed = ImportOptions.parse(args, env);
        if (parsed instanceof ImportOptions.Help) {
            out.print(ImportOptions.USAGE);
            return 0;
        }
        if (parsed instanceof ImportOptions.Invalid invalid) {
            err.println("import: " + invalid.problem());
            err.print(ImportOptions.USAGE);
            return 2;
        }
        var options = ((ImportOptions.Valid) parsed).options();
        if (!Files.isRegularFile(options.file()) || !Files.isReadable(options.file())) {
            err.println("import: cannot read " + options.file());
            return 2;
        }
        out.printf("Importing %s (%s) for site %s %s%n", options.file(), options.format().label(), options.siteId(),
                options.dryRun() ? "as a dry run: nothing is published"
                        : "onto " + options.topic() + " at " + options.bootstrapServers());
        var summary = new ImportSummary();
        var progress = new Progress(err, sizeOf(options), terminal);
        long bytesRead = 0;
        try (var counting = new CountingInputStream(new BufferedInputStream(Files.newInputStream(options.file()), 1 << 16));
             CommentSink sink = options.dryRun() ? new CommentSink.DryRun()
                     : new CommentSink.Kafka(options.bootstrapServers(), options.topic());
             var reader = options.format().open(counting, options.siteId(), clock.instant())) {
            for (var entry = reader.next(); entry != null; entry = reader.next()) {
                summary.read();
                if (entry instanceof ArchiveEntry.Comment comment) {
                    sink.send(comment, summary);
                } else if (entry instanceof ArchiveEntry.Skipped skipped) {
                    summary.skipped(skipped.reason());
                } else {
                    summary.rejected(entry.location(), ((ArchiveEntry.Rejected) entry).reason());
                }
                bytesRead = counting.count();
                progress.update(bytesRead, summary.readCount());
                if (summary.isStopped()) {
                    break;
                }
            }
        } catch (ArchiveReader.ArchiveException e) {
            summary.stopped(e.getMessage());
        } catch (IOException e) {
            summary.stopped("cannot read " + options.file() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            summary.stopped("interrupted");
        } catch (RuntimeException e) {
            // Kafka's client reports a bad address or configuration this way; the summary still says what got through.
            summary.stopped(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        progress.finish(bytesRead, summary.readCount());
        summary.print(out, progress.elapsedSeconds());
        return summary.exitCode();
    }

    private static long sizeOf(ImportOptions options) {
        try {
            return Files.size(options.file());
        } catch (IOException e) {
            return -1;
        }
    }

    /** Counts bytes taken from the file, for the progress bar's share and time left. */
    private static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
