package news.moderation.service.rules;

import news.moderation.bench.CommentCorpus;
import news.moderation.bench.Packs;
import news.moderation.bench.RuleEngineBenchmark;
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
 * The engine's stages one at a time, on the same corpus as {@code RuleEngineBenchmark}, to see where a
 * comment's time goes. Lives in the engine's package (on the test classpath only) to reach its
 * package-private parts; it changes nothing in them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class EngineStagesBenchmark {

    private static final int COMMENTS = RuleEngineBenchmark.COMMENTS;

    @Param({Packs.DEFAULT, Packs.DEFAULT_PLUS_10K})
    public String packs;

    private CompiledRules compiled;
    private String[] comments;
    private NormalizedText[] normalized;

    @Setup(Level.Trial)
    public void setUp() {
        compiled = new CompiledRules(Packs.load(packs));
        comments = CommentCorpus.generate(COMMENTS, RuleEngineBenchmark.SEED).toArray(String[]::new);
        normalized = new NormalizedText[comments.length];
        for (int i = 0; i < comments.length; i++) {
            normalized[i] = TextNormalizer.normalize(comments[i]);
        }
        System.out.printf("%n[automaton] %d patterns, %d states, transition table %.1f MB%n", compiled.terms.size(),
                compiled.automaton.states(), tableBytes(compiled.automaton) / 1e6);
    }

    private static long tableBytes(Automaton automaton) {
        try {
            var delta = Automaton.class.getDeclaredField("delta");
            delta.setAccessible(true);
            return 4L * ((int[]) delta.get(automaton)).length;
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    /** Stage 1: folding, look-alikes, leetspeak, split letters, offsets. */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void normalize(Blackhole blackhole) {
        for (var comment : comments) {
            blackhole.consume(TextNormalizer.normalize(comment));
        }
    }

    /** Stage 2: the automaton pass with hit collection, on already normalized text. */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void scan(Blackhole blackhole) {
        for (var text : normalized) {
            var hits = new TermHits(text, compiled);
            compiled.automaton.scan(text.chars, text.length, hits);
            blackhole.consume(hits);
        }
    }

    private static boolean containsAny(String text, java.util.List<String> literals) {
        for (int i = 0; i < literals.size(); i++) {
            if (text.contains(literals.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stage 3: the regex rules (in the default packs only the case-sensitive ones, prefiltered by their
     * literal cores) on the original text, as evaluate runs them; each rule is only tried once here.
     */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void regexes(Blackhole blackhole) {
        for (var comment : comments) {
            for (var regex : compiled.regexes) {
                if (!regex.when().isEmpty() && !containsAny(comment, regex.when())) {
                    continue;
                }
                blackhole.consume(regex.pattern().matcher(comment).find(0));
            }
        }
    }
}
