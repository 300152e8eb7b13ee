package news.moderation.service.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Compiled rule packs, immutable and safe to share between threads.
 *
 * <pre>{@code
 * var engine = RuleEngine.of(List.of(pack), new Thresholds(2, 5));
 * Verdict verdict = engine.evaluate("All the dwarf has to do is turn off the gas.");
 * // Verdict.Review with Match("epithet.dwarf", EPITHET, 3, 4, 13, "the dwarf")
 * }</pre>
 */
public final class RuleEngine {

    private final PhraseMatcher<Rule> rules = new PhraseMatcher<>();
    private final PhraseMatcher<String> allow = new PhraseMatcher<>();
    private final Thresholds thresholds;
    private final String version;

    private RuleEngine(List<RulePack> packs, Thresholds thresholds) {
        this.thresholds = thresholds;
        for (var pack : packs) {
            for (var rule : pack.rules()) {
                rule.terms().forEach(term -> rules.add(term, rule));
            }
            pack.allow().forEach(phrase -> allow.add(phrase, phrase));
        }
        this.version = versionOf(packs);
    }

    public static RuleEngine of(List<RulePack> packs, Thresholds thresholds) {
        return new RuleEngine(packs, thresholds);
    }

    /** Names the packs and hashes their content, e.g. {@code default-en+epithets@3f9a0c1b2d4e}. */
    public String version() {
        return version;
    }

    public Verdict evaluate(String text) {
        var words = Words.of(text);
        var allowed = new ArrayList<int[]>();
        allow.forEachMatch(words, (phrase, span) -> allowed.add(span));
        var matches = new ArrayList<Match>();
        rules.forEachMatch(words, (rule, span) -> {
            if (allowed.stream().noneMatch(a -> a[0] <= span[1] && span[0] <= a[1])) {
                int start = words.get(span[0]).start();
                int end = words.get(span[1]).end();
                matches.add(new Match(rule.id(), rule.category(), rule.severity(), start, end,
                        text.substring(start, end)));
            }
        });
        matches.sort(Comparator.comparingInt(Match::start).thenComparing(Match::ruleId));
        int score = matches.stream().mapToInt(Match::severity).max().orElse(0);
        if (score >= thresholds.hideAt()) {
            return new Verdict.Hide(matches, version);
        }
        if (score >= thresholds.reviewAt()) {
            return new Verdict.Review(matches, version);
        }
        return new Verdict.Approve(matches, version);
    }

    private static String versionOf(List<RulePack> packs) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var names = new ArrayList<String>();
            for (var pack : packs) {
                names.add(pack.name());
                digest.update(pack.toString().getBytes(StandardCharsets.UTF_8));
            }
            return String.join("+", names) + "@" + HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
