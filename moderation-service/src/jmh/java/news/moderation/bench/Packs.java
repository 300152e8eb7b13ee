package news.moderation.bench;

import news.moderation.service.rules.RuleEngine;
import news.moderation.service.rules.RulePack;
import news.moderation.service.rules.Thresholds;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rule packs the benchmarks run with: the service's defaults, optionally plus a generated 10k-term pack. */
public final class Packs {

    public static final String DEFAULT = "default";
    public static final String DEFAULT_PLUS_10K = "default+10k";
    public static final int EXTRA_TERMS = 10_000;
    public static final long EXTRA_SEED = 42L;
    public static final Thresholds THRESHOLDS = new Thresholds(2, 5);

    private Packs() {
    }

    public static List<RulePack> load(String which) {
        var packs = new ArrayList<RulePack>();
        for (var lang : List.of("en", "ru", "uk")) {
            var name = "rules/default-" + lang + ".yml";
            var in = Packs.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                packs.add(RulePack.parse(name, reader));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        switch (which) {
            case DEFAULT -> { }
            case DEFAULT_PLUS_10K -> packs.add(ExtraPack.pack(EXTRA_TERMS, EXTRA_SEED));
            default -> throw new IllegalArgumentException("unknown pack set " + which);
        }
        return packs;
    }

    public static RuleEngine engine(String which) {
        return RuleEngine.of(load(which), THRESHOLDS);
    }
}
