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
 * package-private parts; it changes nothing in them. Each stage reuses one normalizer and one hit list,
 * as the engine does per thread.
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
public class EngineStagesBenchmark {

    private static final int COMMENTS = RuleEngineBenchmark.COMMENTS;

    @Param({Packs.DEFAULT, Packs.DEFAULT_PLUS_10K})
    public String packs;

    private CompiledRules compiled;
    private String[] comments;
    private char[][] commentChars;
    private NormalizedText[] normalized;
    /** Per comment: the regex factors the automaton's pass found in its normalized text. */
    private boolean[][] regexCandidates;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final TermHits hits = new TermHits();

    @Setup(Level.Trial)
    public void setUp() {
        compiled = new CompiledRules(Packs.load(packs));
        comments = CommentCorpus.generate(COMMENTS, RuleEngineBenchmark.SEED).toArray(String[]::new);
        normalized = new NormalizedText[comments.length];
        commentChars = new char[comments.length][];
        for (int i = 0; i < comments.length; i++) {
            commentChars[i] = comments[i].toCharArray(); // the engine has them from the normalizer's pass
            normalized[i] = TextNormalizer.normalize(comments[i]);  // a fresh result each, kept
        }
        regexCandidates = new boolean[comments.length][];
        for (int i = 0; i < comments.length; i++) {
            hits.reset(normalized[i], compiled);
            compiled.automaton.scan(normalized[i].chars, normalized[i].length, hits);
            regexCandidates[i] = hits.regexCandidates().clone();
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

    /** Stage 1: folding, look-alikes, leetspeak, split letters, without offsets (as evaluate does first). */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void normalize(Blackhole blackhole) {
        for (var comment : comments) {
            blackhole.consume(normalizer.normalize(comment, false).length);
        }
    }

    /**
     * Stages 1 and 2 as evaluate runs them: normalized with the automaton reading the output inside the
     * normalizer's loop, then the hits collected and checked.
     */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void normalizeAndScan(Blackhole blackhole) {
        for (var comment : comments) {
            var text = normalizer.normalizeAndScan(comment, compiled.automaton);
            hits.reset(text, compiled);
            normalizer.reportFound(hits);
            blackhole.consume(hits.check());
        }
    }

    /** Stage 1 with the map to the original offsets (evaluate adds it only for texts with a surviving hit). */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void normalizeWithOffsets(Blackhole blackhole) {
        for (var comment : comments) {
            blackhole.consume(normalizer.normalize(comment, true).length);
        }
    }

    /**
     * Stage 2 as a pass of its own (as evaluate ran it until 2026-12-03): the automaton over already
     * normalized text, with hit collection and checks.
     */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void scan(Blackhole blackhole) {
        for (var text : normalized) {
            hits.reset(text, compiled);
            compiled.automaton.scan(text.chars, text.length, hits);
            blackhole.consume(hits.check());
        }
    }

    /**
     * Stage 3: the regex rules on the original text as evaluate runs them, given what the automaton's pass
     * found of their factors: the cheap checks, a prefilter pass over the text only for a rule that passes
     * them, then RE2J (each rule tried once here) only for the rules that could match.
     */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void regexes(Blackhole blackhole) {
        var filter = compiled.regexFilter;
        var pass = new RegexPrefilter.Pass();
        for (int c = 0; c < comments.length; c++) {
            var comment = comments[c];
            filter.reset(pass);
            for (int r = 0; r < compiled.regexes.size(); r++) {
                if (filter.mayMatch(r, comment, commentChars[c], regexCandidates[c], pass)) {
                    blackhole.consume(compiled.regexes.get(r).pattern().matcher(comment).find(0));
                }
            }
        }
    }
}
