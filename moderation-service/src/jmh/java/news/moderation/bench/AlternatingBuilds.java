package news.moderation.bench;

import java.io.InputStreamReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the rule engine in one JVM, each in its own class loader, timed pass by pass in turn over
 * the {@link RuleEngineBenchmark} corpus with the default packs. On a shared machine the speed of the
 * host drifts by ±15% within seconds, more than a change often makes, and JMH runs of one build after the
 * other cannot tell such changes apart; passes taken in turn see the same drift.
 *
 * <pre>{@code
 * # from moderation-service, after a -Pbench build; the other build's classes copied aside first
 * java -cp "target/test-classes:$(cat target/bench.classpath)" news.moderation.bench.AlternatingBuilds \
 *     /tmp/before/classes target/classes 300
 * }</pre>
 *
 * Prints, per build, the 10th percentile and the median of the passes' thread CPU time per comment, and
 * the ratio of the second build's median to the first's (below 1: the second is faster).
 */
public final class AlternatingBuilds {

    private AlternatingBuilds() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: AlternatingBuilds CLASSES_A CLASSES_B [PASSES]");
            System.exit(2);
        }
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        var comments = CommentCorpus.generate(RuleEngineBenchmark.COMMENTS, RuleEngineBenchmark.SEED).toArray(String[]::new);
        long bytes = CommentCorpus.utf8Bytes(Arrays.asList(comments));
        MethodHandle[] builds = {engine(Path.of(args[0])), engine(Path.of(args[1]))};
        var threads = ManagementFactory.getThreadMXBean();
        long[][] times = new long[2][passes];
        long sink = 0;
        // warm-up: both builds compiled before any pass counts
        for (long end = System.nanoTime() + 8_000_000_000L; System.nanoTime() < end; ) {
            for (var build : builds) {
                sink += pass(build, comments);
            }
        }
        for (int p = 0; p < passes; p++) {
            for (int b = 0; b < 2; b++) {
                // alternate which goes first, so that neither always follows the other
                int which = (p & 1) == 0 ? b : 1 - b;
                long start = threads.getCurrentThreadCpuTime();
                sink += pass(builds[which], comments);
                times[which][p] = threads.getCurrentThreadCpuTime() - start;
            }
        }
        double[] medians = new double[2];
        for (int b = 0; b < 2; b++) {
            Arrays.sort(times[b]);
            double p10 = times[b][passes / 10] / (double) comments.length;
            medians[b] = times[b][passes / 2] / (double) comments.length;
            System.out.printf("%s: p10 %.3f µs/comment (%.1f MB/s), median %.3f µs/comment (%.1f MB/s)%n", args[b],
                    p10 / 1000, bytes / (p10 * comments.length / 1e9) / 1e6,
                    medians[b] / 1000, bytes / (medians[b] * comments.length / 1e9) / 1e6);
        }
        System.out.printf("ratio of medians, second / first: %.3f   (%d)%n", medians[1] / medians[0], sink & 1);
    }

    private static long pass(MethodHandle evaluate, String[] comments) throws Throwable {
        long sink = 0;
        for (var comment : comments) {
            sink += ((Object) evaluate.invoke(comment)).hashCode();
        }
        return sink;
    }

    /** {@code RuleEngine.evaluate(String)} of the build in {@code classes}, bound to an engine of the default packs. */
    private static MethodHandle engine(Path classes) throws Exception {
        var urls = new ArrayList<URL>();
        urls.add(classes.toUri().toURL());
        // the engine's only dependencies: RE2J and SnakeYAML, from this JVM's class path
        for (var entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.contains("re2j") || entry.contains("snakeyaml")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        var loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        var rules = "news.moderation.service.rules.";
        var packClass = loader.loadClass(rules + "RulePack");
        var parse = packClass.getMethod("parse", String.class, java.io.Reader.class);
        var packs = new ArrayList<Object>();
        for (var name : List.of("default-en.yml", "default-ru.yml", "default-uk.yml")) {
            try (var in = new InputStreamReader(loader.getResourceAsStream("rules/" + name), StandardCharsets.UTF_8)) {
                packs.add(parse.invoke(null, name, in));
            }
        }
        var thresholdsClass = loader.loadClass(rules + "Thresholds");
        var thresholds = thresholdsClass.getConstructor(int.class, int.class).newInstance(2, 5);
        var engineClass = loader.loadClass(rules + "RuleEngine");
        var engine = engineClass.getMethod("of", List.class, thresholdsClass).invoke(null, packs, thresholds);
        var evaluate = MethodHandles.publicLookup().findVirtual(engineClass, "evaluate",
                MethodType.methodType(loader.loadClass(rules + "Verdict"), String.class));
        return evaluate.bindTo(engine).asType(MethodType.methodType(Object.class, String.class));
    }
}
