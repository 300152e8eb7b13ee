package news.moderation.service.offline;

import news.moderation.service.rules.RuleEngine;
import news.moderation.service.rules.RulePackException;
import news.moderation.service.rules.Thresholds;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;

/**
 * The commands the service jar runs instead of the service when its first argument names one; plain Java,
 * no Spring:
 *
 * <pre>{@code
 * java -jar moderation-service.jar moderate [--rules FILE]... [--review-at N] [--hide-at N] [INPUT]
 * java -jar moderation-service.jar evaluate [--shared DIR] [--rules FILE]... [--examples N]
 * }</pre>
 *
 * Exit codes: 0 done; 1 some input lines were rejected (moderate); 2 bad command line, unreadable input
 * or an invalid rule pack.
 */
public final class OfflineCommand {

    public static final String MODERATE = "moderate";
    public static final String EVALUATE = "evaluate";

    static final int OK = 0;
    static final int INVALID_INPUT = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: java -jar moderation-service.jar moderate [--rules FILE]... [--review-at N] [--hide-at N] [INPUT]
                   java -jar moderation-service.jar evaluate [--shared DIR] [--rules FILE]... [--review-at N] [--hide-at N] [--examples N]

            moderate  reads comment JSONL ({"commentId", "text", optional "parentId"/"parentText"}) from INPUT or
                      stdin and writes one verdict line per comment to stdout:
                      {"commentId","decision","score","ruleSetVersion","matches":[{"ruleId","category","severity","start","end","text"}]}
                      Rejected lines are reported on stderr as "line N: reason". Exit 0, or 1 if any line was rejected.
            evaluate  runs the rules over DIR/corpus/seed-threads.jsonl (against seed-expectations.jsonl) and every
                      DIR/datasets/*.jsonl ({"id","text","label":"abusive"|"clean"}) and prints agreement,
                      precision, recall, F1 and the false-positive rate. DIR defaults to ../shared.

            --rules FILE     an extra rule pack (YAML), added to the default packs; repeatable
            --review-at N    lowest severity held for review (default 2)
            --hide-at N      lowest severity hidden (default 5)
            --examples N     evaluate: also print N false positives and N false negatives per dataset
            """;

    private OfflineCommand() {
    }

    /** Whether {@code args} name an offline command rather than the service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals(MODERATE) || args[0].equals(EVALUATE));
    }

    /** Runs the command on the process's standard streams (UTF-8) and returns the exit code. */
    public static int run(String[] args) {
        var out = writer(new FileOutputStream(FileDescriptor.out));
        var err = writer(new FileOutputStream(FileDescriptor.err));
        try {
            return run(args, System.in, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs the command on the given streams; {@code in} is read as UTF-8. */
    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        try {
            return execute(args, in, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        if (!handles(args)) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        var command = args[0];
        Options options;
        try {
            options = Options.parse(command, Arrays.asList(args).subList(1, args.length));
        } catch (Options.UsageException e) {
            err.println(command + ": " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (options.help()) {
            out.print(USAGE_TEXT);
            return OK;
        }
        if (options.input() != null && !Files.isRegularFile(options.input())) {
            err.println(command + ": no such file: " + options.input());
            return USAGE;
        }
        RuleEngine engine;
        try {
            engine = RuleSet.engine(options.rules(), new Thresholds(options.reviewAt(), options.hideAt()));
        } catch (RulePackException e) {
            err.println(command + ": invalid rule pack: " + e.getMessage());
            return USAGE;
        }
        try {
            if (command.equals(EVALUATE)) {
                new EvaluateCommand(engine, options.examples()).run(options.shared(), out);
                return OK;
            }
            return moderate(engine, options, in, out, err);
        } catch (NoSuchFileException e) {
            err.println(command + ": no such file: " + e.getFile());
            return USAGE;
        } catch (IOException | UncheckedIOException e) {
            err.println(command + ": cannot read input: " + e.getMessage());
            return USAGE;
        }
    }

    private static int moderate(RuleEngine engine, Options options, InputStream in, PrintWriter out,
                                PrintWriter err) throws IOException {
        Reader reader;
        if (options.input() == null) {
            reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        } else {
            reader = new InputStreamReader(Files.newInputStream(options.input()), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        }
        try (reader) {
            var counts = new ModerateCommand(engine).run(reader, out, err);
            return counts.invalid() > 0 ? INVALID_INPUT : OK;
        }
    }

    private static PrintWriter writer(OutputStream stream) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16), false);
    }
}
