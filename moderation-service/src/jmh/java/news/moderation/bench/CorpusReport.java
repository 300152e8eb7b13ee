package news.moderation.bench;

import news.moderation.service.rules.Decision;

import java.util.EnumMap;

/**
 * Prints what the benchmark corpus looks like and how the engine judges it: a sanity check that the
 * synthetic comments are about 300 characters and that roughly one in ten is flagged.
 *
 * <pre>cd moderation-service
 * java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" news.moderation.bench.CorpusReport 12</pre>
 */
public final class CorpusReport {

    private CorpusReport() {
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        var corpus = CommentCorpus.generate(RuleEngineBenchmark.COMMENTS, RuleEngineBenchmark.SEED);
        int min = Integer.MAX_VALUE;
        int max = 0;
        int nonAscii = 0;
        for (var c : corpus) {
            min = Math.min(min, c.length());
            max = Math.max(max, c.length());
            if (c.chars().anyMatch(ch -> ch >= 128)) {
                nonAscii++;
            }
        }
        System.out.printf("comments: %d, chars: mean %.1f, min %d, max %d; UTF-8 bytes: mean %.1f; with non-ASCII: %d%n",
                corpus.size(), (double) CommentCorpus.chars(corpus) / corpus.size(), min, max,
                (double) CommentCorpus.utf8Bytes(corpus) / corpus.size(), nonAscii);
        for (var which : new String[] {Packs.DEFAULT, Packs.DEFAULT_PLUS_10K}) {
            long t0 = System.nanoTime();
            var engine = Packs.engine(which);
            long built = System.nanoTime() - t0;
            var decisions = new EnumMap<Decision, Integer>(Decision.class);
            int withMatches = 0;
            for (var c : corpus) {
                var verdict = engine.evaluate(c);
                decisions.merge(verdict.decision(), 1, Integer::sum);
                if (!verdict.matches().isEmpty()) {
                    withMatches++;
                }
            }
            System.out.printf("%-12s built in %d ms; decisions %s; with matches %d%n", which, built / 1_000_000,
                    decisions, withMatches);
        }
        var engine = Packs.engine(Packs.DEFAULT);
        for (int i = 0; i < Math.min(samples, corpus.size()); i++) {
            var c = corpus.get(i);
            var verdict = engine.evaluate(c);
            System.out.printf("%n--- #%d (%d chars) %s %s%n%s%n", i, c.length(), verdict.decision(),
                    verdict.matches().stream().map(m -> m.ruleId() + "='" + m.excerpt() + "'").toList(), c);
        }
    }
}
