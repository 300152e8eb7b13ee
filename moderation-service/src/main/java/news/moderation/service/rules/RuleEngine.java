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
 * normalize, match every term and allow phrase with one automaton (which reads the normalized text as the
 * normalizer writes it), drop hits an allow phrase covers or whose context does not hold (and only then
 * those a longer hit of the same rule covers), map the rest back to the original text, run the regex rules
 * a prefilter lets through and the structural rules, then score and decide. Each thread keeps its working
 * buffers ({@code ThreadLocal}), so a comment allocates little beyond its verdict.
 *
 * <pre>{@code
 * var engine = RuleEngine.of(List.of(pack), new Thresholds(2, 5));
 * Verdict verdict = engine.evaluate("All the dwarf has to do is turn off the gas.");
 * // Verdict.Review with Match("epithet.dwarf", EPITHET, 3, 4, 13, "the dwarf")
 * }</pre>
 */
public final class RuleEngine {

    private static final String[] LINK_MARKERS = {"http://", "https://", "www."};

    /**
     * Each thread's working memory, shared by every engine: a thread evaluates one text at a time, and
     * reusing the buffers spares a comment the allocation of several kilobytes.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final TextNormalizer normalizer = new TextNormalizer();
        final TermHits hits = new TermHits();
        final RegexPrefilter.Pass regexPass = new RegexPrefilter.Pass();
    }

    private final CompiledRules compiled;
    private final Thresholds thresholds;
    private final String version;
    /** The verdict of most texts: one instance (a verdict is immutable) spares each an allocation. */
    private final Verdict.Approve nothingFound;

    private RuleEngine(List<RulePack> packs, Thresholds thresholds) {
        this.compiled = new CompiledRules(packs);
        this.thresholds = thresholds;
        this.version = versionOf(packs);
        this.nothingFound = new Verdict.Approve(List.of(), 0, version);
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
        var scratch = SCRATCH.get();
        try {
            return evaluate(text, parentText, scratch);
        } finally {
            scratch.normalizer.trim();
        }
    }

    private Verdict evaluate(String text, String parentText, Scratch scratch) {
        // most texts match nothing: normalize without the map to the original, and add it only when needed
        var normalized = scratch.normalizer.normalizeAndScan(text, compiled.automaton);
        var hits = scratch.hits;
        hits.reset(normalized, compiled);
        scratch.normalizer.reportFound(hits);
        // what the structural rules count, before the offsets pass takes the normalizer's output
        int upper = normalized.upper;
        int lower = normalized.lower;
        int longestRepeat = normalized.longestRepeat;
        var matches = new ArrayList<Match>();
        if (hits.check()) {
            // the same chars again, now with their offsets, as far as the last surviving hit; the hits'
            // positions stay valid
            scratch.normalizer.normalizeThrough(text, hits.lastSurvivingPosition());
            hits.addMatches(text, matches);
        }
        regexMatches(text, scratch, matches);
        structuralMatches(text, upper, lower, longestRepeat, matches);
        if (matches.isEmpty()) {
            return nothingFound;
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

    private void regexMatches(String text, Scratch scratch, List<Match> matches) {
        var regexes = compiled.regexes;
        if (regexes.isEmpty()) {
            return;
        }
        // RE2J takes microseconds even to fail: rule out the regexes that cannot match, cheapest check first
        // (the automaton's pass already looked for their factors in the normalized text; a pass over the
        // original only if a rule gets that far)
        var filter = compiled.regexFilter;
        var candidates = scratch.hits.regexCandidates();
        var chars = scratch.normalizer.source();
        filter.reset(scratch.regexPass);
        for (int r = 0; r < regexes.size(); r++) {
            var regex = regexes.get(r);
            if (!filter.mayMatch(r, text, chars, candidates, scratch.regexPass)) {
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

    private void structuralMatches(String text, int upper, int lower, int longestRepeat, List<Match> matches) {
        for (var rule : compiled.structural) {
            boolean hit = switch (rule.kind()) {
                case SHOUTING -> {
                    int letters = upper + lower;
                    yield letters >= rule.minimum() && upper >= rule.threshold() * letters;
                }
                case LINKS -> countLinks(text) >= rule.minimum();
                case REPEATED -> longestRepeat >= rule.minimum();
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
        // a search for one char is far quicker than for a string, and most texts have no colon: then
        // only "www." can occur
        boolean colon = text.indexOf(':') >= 0;
        for (var marker : LINK_MARKERS) {
            if (!colon && marker.indexOf(':') >= 0) {
                continue;
            }
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
                digest.update(PackText.of(pack).getBytes(StandardCharsets.UTF_8));
            }
            return String.join("+", names) + "#" + HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
