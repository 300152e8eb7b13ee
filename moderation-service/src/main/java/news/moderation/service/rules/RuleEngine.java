package news.moderation.service.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Compiled rule packs, immutable and safe to share between threads. Evaluation runs in stages:
 * normalize (with a map back to the original), match every term and allow phrase in one automaton pass,
 * drop hits an allow phrase covers or whose context does not hold, run the few regex and structural
 * rules, then score and decide.
 *
 * <pre>{@code
 * var engine = RuleEngine.of(List.of(pack), new Thresholds(2, 5));
 * Verdict verdict = engine.evaluate("All the dwarf has to do is turn off the gas.");
 * // Verdict.Review with Match("epithet.dwarf", EPITHET, 3, 4, 13, "the dwarf")
 * }</pre>
 */
public final class RuleEngine {

    private final CompiledRules compiled;
    private final Thresholds thresholds;
    private final String version;

    private RuleEngine(List<RulePack> packs, Thresholds thresholds) {
        this.compiled = new CompiledRules(packs);
        this.thresholds = thresholds;
        this.version = versionOf(packs);
    }

    /** @throws RulePackException when two packs define the same rule id */
    public static RuleEngine of(List<RulePack> packs, Thresholds thresholds) {
        return new RuleEngine(packs, thresholds);
    }

    /** Names the packs and hashes their content, e.g. {@code default-en@2026.11+default-ru@1#3f9a0c1b2d4e}. */
    public String version() {
        return version;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Verdict evaluate(String text) {
        return evaluate(text, null);
    }

    /**
     * @param parentText the text of the comment this one replies to, or {@code null}; words quoted from it
     *                   still flag, but never hide on their own
     */
    public Verdict evaluate(String text, String parentText) {
        var normalized = TextNormalizer.normalize(text);
        var hits = new TermHits(normalized, compiled);
        compiled.automaton.scan(normalized.chars, normalized.length, hits);
        var matches = hits.matches(text);
        regexMatches(text, matches);
        structuralMatches(text, normalized, matches);
        if (matches.isEmpty()) {
            return new Verdict.Approve(List.of(), 0, version);
        }
        matches.sort(Comparator.comparingInt(Match::start).thenComparingInt(Match::end).thenComparing(Match::ruleId));
        var marked = parentText == null ? matches : Quotations.mark(text, parentText, matches);
        int score = 0;
        for (var match : marked) {
            int severity = match.quoted() ? Math.min(match.severity(), thresholds.hideAt() - 1) : match.severity();
            score = Math.max(score, severity);
        }
        if (score >= thresholds.hideAt()) {
            return new Verdict.Hide(marked, score, version);
        }
        if (score >= thresholds.reviewAt()) {
            return new Verdict.Review(marked, score, version);
        }
        return new Verdict.Approve(marked, score, version);
    }

    private void regexMatches(String text, List<Match> matches) {
        for (var regex : compiled.regexes) {
            if (!regex.when().isEmpty() && !containsAny(text, regex.when())) {
                continue;
            }
            var matcher = regex.pattern().matcher(text);
            int from = 0;
            while (from <= text.length() && matcher.find(from)) {
                int group = matcher.groupCount() >= 1 && matcher.start(1) >= 0 ? 1 : 0;
                int start = matcher.start(group);
                int end = matcher.end(group);
                if (end > start) {
                    var rule = regex.rule();
                    matches.add(new Match(rule.id(), rule.category(), rule.severity(), start, end,
                            text.substring(start, end)));
                }
                // the boundary character after a hit may start the next one
                from = Math.max(end, matcher.start() + 1);
            }
        }
    }

    private static boolean containsAny(String text, List<String> literals) {
        for (int i = 0; i < literals.size(); i++) {
            if (text.contains(literals.get(i))) {
                return true;
            }
        }
        return false;
    }

    private void structuralMatches(String text, NormalizedText normalized, List<Match> matches) {
        for (var rule : compiled.structural) {
            boolean hit = switch (rule.kind()) {
                case SHOUTING -> {
                    int letters = normalized.upper + normalized.lower;
                    yield letters >= rule.minimum() && normalized.upper >= rule.threshold() * letters;
                }
                case LINKS -> countLinks(text) >= rule.minimum();
                case REPEATED -> normalized.longestRepeat >= rule.minimum();
            };
            if (hit) {
                int start = 0;
                int end = text.length();
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                var excerpt = end - start > 80 ? text.substring(start, start + 80) + "…" : text.substring(start, end);
                matches.add(new Match(rule.id(), rule.category(), rule.severity(), start, end, excerpt));
            }
        }
    }

    private static int countLinks(String text) {
        int count = 0;
        for (var marker : new String[] {"http://", "https://", "www."}) {
            int at = text.indexOf(marker);
            while (at >= 0) {
                if (!marker.equals("www.") || at < 3 || !text.startsWith("://", at - 3)) {
                    count++;
                }
                at = text.indexOf(marker, at + marker.length());
            }
        }
        return count;
    }

    private static String versionOf(List<RulePack> packs) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var names = new ArrayList<String>();
            for (var pack : packs) {
                names.add(pack.name() + "@" + pack.version());
                digest.update(pack.toString().getBytes(StandardCharsets.UTF_8));
            }
            return String.join("+", names) + "#" + HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
