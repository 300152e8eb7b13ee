package news.moderation.service.offline;

import news.moderation.contract.CommentLimits;
import news.moderation.service.rules.Decision;
import news.moderation.service.rules.Match;
import news.moderation.service.rules.RuleEngine;
import news.moderation.service.rules.Verdict;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code evaluate}: measures a rule set against the shared seed corpus (expectations per comment) and
 * labelled datasets (precision, recall and F1 for the abusive class, REVIEW or HIDE counting as a
 * prediction of abuse). Reads from {@code DIR/corpus/} and {@code DIR/datasets/*.jsonl}; whatever is absent
 * is skipped with a note.
 */
final class EvaluateCommand {

    static final String SEEDS = "corpus/seed-threads.jsonl";
    static final String EXPECTATIONS = "corpus/seed-expectations.jsonl";
    static final String DATASETS = "datasets";
    static final String INVALID = "INVALID";
    private static final List<String> ORDER = List.of("APPROVE", "REVIEW", "HIDE", INVALID);

    private final RuleEngine engine;
    private final int examples;

    EvaluateCommand(RuleEngine engine, int examples) {
        this.engine = engine;
        this.examples = examples;
    }

    void run(Path shared, PrintWriter out) throws IOException {
        out.println("rule set " + engine.version() + " (review at " + engine.thresholds().reviewAt()
                + ", hide at " + engine.thresholds().hideAt() + ")");
        if (!Files.isDirectory(shared)) {
            out.println("no shared directory at " + shared + ": nothing to evaluate (give one with --shared DIR)");
            return;
        }
        var seeds = shared.resolve(SEEDS);
        var expectations = shared.resolve(EXPECTATIONS);
        out.println();
        if (Files.isRegularFile(seeds) && Files.isRegularFile(expectations)) {
            seeds(seeds, expectations, out);
        } else {
            out.println("seeds: " + seeds + " or " + expectations + " not found, skipped");
        }
        var datasets = shared.resolve(DATASETS);
        List<Path> files = List.of();
        if (Files.isDirectory(datasets)) {
            try (var list = Files.list(datasets)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                        .sorted().toList();
            }
        }
        if (files.isEmpty()) {
            out.println();
            out.println("datasets: no " + datasets.resolve("*.jsonl") + ", skipped");
        }
        for (var file : files) {
            out.println();
            dataset(file, out);
        }
        out.flush();
    }

    // ---------------------------------------------------------------- seeds

    /** A seed comment: valid (text to judge) or rejected as the service would reject it. */
    private record Seed(String commentId, String text, String parentId, String invalidReason) {
    }

    private void seeds(Path seedsFile, Path expectationsFile, PrintWriter out) throws IOException {
        var seeds = new LinkedHashMap<String, Seed>();
        var problems = new ArrayList<String>();
        int lineNumber = 0;
        for (var line : Files.readAllLines(seedsFile, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            var parsed = CommentLine.parse(line);
            if (parsed instanceof CommentLine.Valid valid) {
                seeds.put(valid.commentId(), new Seed(valid.commentId(), valid.text(), valid.parentId(), null));
            } else {
                var invalid = (CommentLine.Invalid) parsed;
                if (invalid.commentId() != null) {
                    seeds.put(invalid.commentId(), new Seed(invalid.commentId(), null, null, invalid.reason()));
                } else {
                    problems.add(seedsFile.getFileName() + " line " + lineNumber + ": " + invalid.reason());
                }
            }
        }
        var expected = new LinkedHashMap<String, String>();
        lineNumber = 0;
        for (var line : Files.readAllLines(expectationsFile, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                var node = JsonLine.parse(line);
                var id = text(node, "commentId");
                var expect = text(node, "expect");
                if (id == null || expect == null) {
                    problems.add(expectationsFile.getFileName() + " line " + lineNumber + ": needs commentId and expect");
                } else {
                    expected.put(id, expect.strip().toLowerCase(Locale.ROOT));
                }
            } catch (JsonLine.JsonException e) {
                problems.add(expectationsFile.getFileName() + " line " + lineNumber + ": not valid JSON");
            }
        }
        var tally = new TreeMap<String, Integer>();
        var disagreements = new ArrayList<String>();
        var all = new ArrayList<String>();
        int met = 0;
        for (var entry : expected.entrySet()) {
            var id = entry.getKey();
            var expect = entry.getValue();
            var seed = seeds.get(id);
            if (seed == null) {
                disagreements.add(id + ": expected " + expect + ", but there is no such comment in "
                        + seedsFile.getFileName());
                continue;
            }
            String got;
            List<Match> matches = List.of();
            if (seed.invalidReason() != null) {
                got = INVALID;
            } else {
                var parent = seed.parentId() == null ? null : seeds.get(seed.parentId());
                var verdict = engine.evaluate(seed.text(), parent == null ? null : parent.text());
                got = verdict.decision().name();
                matches = verdict.matches();
            }
            tally.merge(got, 1, Integer::sum);
            boolean ok = agrees(expect, got);
            var detail = id + ": expected " + expect + ", got " + got
                    + (seed.invalidReason() != null ? " (" + seed.invalidReason() + ")" : "")
                    + (matches.isEmpty() ? "" : " " + describe(matches));
            if (ok) {
                met++;
            } else {
                disagreements.add(detail);
            }
            all.add((ok ? "  ok   " : "  MISS ") + detail);
        }
        out.println("seeds " + seedsFile + " (" + seeds.size() + " comments, " + expected.size() + " expectations)");
        out.println("  expectations met: " + met + "/" + expected.size());
        out.println("  decisions: " + ORDER.stream().filter(tally::containsKey).map(k -> k + " " + tally.get(k))
                .collect(Collectors.joining(", ")));
        for (var problem : problems) {
            out.println("  skipped " + problem);
        }
        if (disagreements.isEmpty()) {
            out.println("  disagreements: none");
        } else {
            out.println("  disagreements:");
            for (var disagreement : disagreements) {
                out.println("    " + disagreement);
            }
        }
        if (examples > 0) {
            out.println("  every expectation:");
            for (var line : all) {
                out.println("  " + line);
            }
        }
    }

    /** clean = APPROVE; flag = REVIEW or HIDE; hide = HIDE; any = anything; invalid = rejected. */
    static boolean agrees(String expect, String got) {
        return switch (expect) {
            case "clean" -> got.equals(Decision.APPROVE.name());
            case "flag" -> got.equals(Decision.REVIEW.name()) || got.equals(Decision.HIDE.name());
            case "hide" -> got.equals(Decision.HIDE.name());
            case "any" -> true;
            case "invalid" -> got.equals(INVALID);
            default -> false;
        };
    }

    // ---------------------------------------------------------------- datasets

    private static final class RuleCounts {
        int abusive;
        int clean;
    }

    private void dataset(Path file, PrintWriter out) throws IOException {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        int skipped = 0;
        var decisions = new EnumMap<Decision, Integer>(Decision.class);
        var rules = new TreeMap<String, RuleCounts>();
        var byOrigLabel = new TreeMap<String, int[]>();
        boolean tooManyOrigLabels = false;
        var falsePositives = new ArrayList<String>();
        var falseNegatives = new ArrayList<String>();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var lines = new LineReader(reader, ModerateCommand.MAX_LINE_CHARS);
            String line;
            while ((line = lines.next()) != null) {
                if (line == LineReader.TOO_LONG || line.isBlank()) {
                    skipped += line == LineReader.TOO_LONG ? 1 : 0;
                    continue;
                }
                Object node;
                try {
                    node = JsonLine.parse(line);
                } catch (JsonLine.JsonException e) {
                    skipped++;
                    continue;
                }
                var text = text(node, "text");
                var label = text(node, "label");
                if (label == null || !(label.equals("abusive") || label.equals("clean"))
                        || !CommentLimits.textViolations(text).isEmpty()) {
                    skipped++;
                    continue;
                }
                boolean abusive = label.equals("abusive");
                Verdict verdict = engine.evaluate(text);
                decisions.merge(verdict.decision(), 1, Integer::sum);
                boolean flagged = verdict.decision() != Decision.APPROVE;
                if (abusive && flagged) {
                    tp++;
                } else if (abusive) {
                    fn++;
                    if (falseNegatives.size() < examples) {
                        falseNegatives.add(oneLine(text));
                    }
                } else if (flagged) {
                    fp++;
                    if (falsePositives.size() < examples) {
                        falsePositives.add(oneLine(text) + "  " + describe(verdict.matches()));
                    }
                } else {
                    tn++;
                }
                var seen = new LinkedHashSet<String>();
                for (var match : verdict.matches()) {
                    if (seen.add(match.ruleId())) {
                        var counts = rules.computeIfAbsent(match.ruleId(), k -> new RuleCounts());
                        if (abusive) {
                            counts.abusive++;
                        } else {
                            counts.clean++;
                        }
                    }
                }
                var orig = text(node, "orig_label");
                if (orig != null && !tooManyOrigLabels) {
                    var counts = byOrigLabel.computeIfAbsent(orig, k -> new int[2]);
                    counts[0]++;
                    counts[1] += flagged ? 1 : 0;
                    tooManyOrigLabels = byOrigLabel.size() > 12;
                }
            }
        }
        int abusive = tp + fn;
        int clean = fp + tn;
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double fpRate = ratio(fp, fp + tn);
        out.println("dataset " + file + ": " + (abusive + clean) + " texts (" + abusive + " abusive, " + clean
                + " clean" + (skipped > 0 ? ", " + skipped + " skipped as unreadable or invalid" : "") + ")");
        out.println("  abusive class (REVIEW or HIDE counts as abusive): precision " + fmt(precision)
                + "  recall " + fmt(recall) + "  F1 " + fmt(f1));
        out.println("  clean texts flagged (false-positive rate): " + fmt(fpRate) + " (" + fp + " of " + clean + ")");
        out.println("  counts: TP " + tp + "  FP " + fp + "  FN " + fn + "  TN " + tn + "  decisions: "
                + decisions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        if (!byOrigLabel.isEmpty() && !tooManyOrigLabels) {
            out.println("  flagged by original label: " + byOrigLabel.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0])
                    .collect(Collectors.joining(", ")));
        }
        if (!rules.isEmpty()) {
            out.println("  texts matched per rule (abusive / clean):");
            rules.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getValue().abusive + b.getValue().clean,
                            a.getValue().abusive + a.getValue().clean))
                    .forEach(e -> out.println(String.format(Locale.ROOT, "    %-32s %6d / %d", e.getKey(),
                            e.getValue().abusive, e.getValue().clean)));
        }
        if (examples > 0) {
            out.println("  false positives (first " + falsePositives.size() + "):");
            falsePositives.forEach(t -> out.println("    " + t));
            out.println("  false negatives (first " + falseNegatives.size() + "):");
            falseNegatives.forEach(t -> out.println("    " + t));
        }
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("unchecked")
    private static String text(Object node, String field) {
        return node instanceof Map ? JsonLine.string((Map<String, Object>) node, field) : null;
    }

    static String describe(List<Match> matches) {
        var parts = new ArrayList<String>();
        for (var match : matches) {
            parts.add(match.ruleId() + " \"" + oneLine(match.excerpt()) + "\" (" + match.severity()
                    + (match.quoted() ? ", quoted" : "") + ")");
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String oneLine(String text) {
        var flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
