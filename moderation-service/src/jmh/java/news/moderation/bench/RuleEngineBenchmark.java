package news.moderation.bench;

import news.moderation.service.rules.RuleEngine;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link RuleEngine#evaluate(String)} on {@value #COMMENTS} synthetic comments of about 300
 * characters ({@link CommentCorpus}), single-threaded. One operation is one comment, so the primary score
 * is comments per second and {@code gc.alloc.rate.norm} (with {@code -prof gc}) is bytes allocated per
 * comment. The secondary scores {@code utf8Bytes} and {@code chars} are the input consumed per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// forks of one build differ by up to ±15% here (the JIT's choices, where the automaton's table lands):
// three forks, not one, so that a score is not one fork's luck
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
public class RuleEngineBenchmark {

    public static final int COMMENTS = 1024;
    public static final long SEED = 20260311L;

    @Param({Packs.DEFAULT, Packs.DEFAULT_PLUS_10K})
    public String packs;

    private RuleEngine engine;
    private String[] comments;
    private long utf8BytesPerPass;
    private long charsPerPass;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Packs.engine(packs);
        var corpus = CommentCorpus.generate(COMMENTS, SEED);
        comments = corpus.toArray(String[]::new);
        utf8BytesPerPass = CommentCorpus.utf8Bytes(corpus);
        charsPerPass = CommentCorpus.chars(corpus);
        int flagged = 0;
        for (var c : comments) {
            if (!engine.evaluate(c).matches().isEmpty()) {
                flagged++;
            }
        }
        System.out.printf("%n[corpus] %d comments, %.1f chars and %.1f UTF-8 bytes per comment on average, %d with matches; rule set %s%n",
                COMMENTS, (double) charsPerPass / COMMENTS, (double) utf8BytesPerPass / COMMENTS, flagged, engine.version());
    }

    /** Input consumed, reported as rates next to the primary score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Input {
        public long utf8Bytes;
        public long chars;

        @Setup(Level.Iteration)
        public void reset() {
            utf8Bytes = 0;
            chars = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void evaluate(Input input, Blackhole blackhole) {
        for (var comment : comments) {
            blackhole.consume(engine.evaluate(comment));
        }
        input.utf8Bytes += utf8BytesPerPass;
        input.chars += charsPerPass;
    }
}
