package news.moderation.deploy.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code /actuator/prometheus} answer in the text exposition format: the sample names as Prometheus
 * stores them (histograms as {@code _bucket}/{@code _count}/{@code _sum}, counters with {@code _total}).
 *
 * <pre>{@code
 * var scrape = new Scrape(body);
 * scrape.labelsByName();    // {ingest_comments_total=[application, outcome, reason], ...}
 * scrape.value("moderation_decisions_total", Map.of("action", "APPROVE"));
 * }</pre>
 */
record Scrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Every sample name with all the label names its samples carry. */
    Map<String, Set<String>> labelsByName() {
        var labels = new TreeMap<String, Set<String>>();
        text.lines().map(Scrape::sample).flatMap(Optional::stream)
                .forEach(s -> labels.computeIfAbsent(s.name(), k -> new TreeSet<>()).addAll(s.labels().keySet()));
        return labels;
    }

    /** The value of the first sample named {@code name} that carries all of {@code labels}. */
    Optional<Double> value(String name, Map<String, String> labels) {
        return text.lines().map(Scrape::sample).flatMap(Optional::stream)
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .map(Sample::value).findFirst();
    }

    private static Optional<Sample> sample(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return Optional.empty();
        }
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        var labels = new LinkedHashMap<String, String>();
        if (m.group(3) != null) {
            var l = LABEL.matcher(m.group(3));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        return Optional.of(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
    }
}
