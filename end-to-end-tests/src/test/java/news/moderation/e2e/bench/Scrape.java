package news.moderation.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The few series of one instance's {@code /actuator/prometheus} the harness reports on.
 *
 * @param verdicts         {@code moderation_verdicts_total} summed over decisions: every judged comment,
 *                         a re-delivered one again
 * @param latencyBuckets   {@code moderation_verdict_latency_seconds_bucket}: upper bound (s) to cumulative count
 * @param batchRecords     {@code moderation_pipeline_batch_size_sum}
 * @param batches          {@code moderation_pipeline_batch_size_count}
 */
record Scrape(double verdicts, TreeMap<Double, Double> latencyBuckets, double batchRecords, double batches) {

    static final Scrape EMPTY = new Scrape(0, new TreeMap<>(), 0, 0);
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** Everything, or with {@code verdictsOnly} just the counters: the per-second sample stays cheap. */
    static Scrape of(HttpClient http, int port, boolean verdictsOnly) throws IOException, InterruptedException {
        var uri = "http://127.0.0.1:" + port + "/actuator/prometheus"
                // the filter takes the counter's name without _total; the other spelling for older clients
                + (verdictsOnly ? "?includedNames=moderation_verdicts,moderation_verdicts_total" : "");
        var response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static Scrape parse(String text) {
        double verdicts = 0;
        double batchRecords = 0;
        double batches = 0;
        var buckets = new TreeMap<Double, Double>();
        for (var line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            var name = line.substring(0, end);
            var value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            switch (name) {
                case "moderation_verdicts_total" -> verdicts += value;
                case "moderation_pipeline_batch_size_sum" -> batchRecords += value;
                case "moderation_pipeline_batch_size_count" -> batches += value;
                case "moderation_verdict_latency_seconds_bucket" -> {
                    var le = LE.matcher(line);
                    if (le.find()) {
                        var bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
                                : Double.parseDouble(le.group(1));
                        buckets.merge(bound, value, Double::sum);
                    }
                }
                default -> {
                }
            }
        }
        return new Scrape(verdicts, buckets, batchRecords, batches);
    }

    /** What was counted since {@code earlier}: the warm-up taken out. */
    Scrape minus(Scrape earlier) {
        var buckets = new TreeMap<Double, Double>(latencyBuckets);
        earlier.latencyBuckets().forEach((bound, count) -> buckets.merge(bound, -count, Double::sum));
        return new Scrape(verdicts - earlier.verdicts(), buckets, batchRecords - earlier.batchRecords(),
                batches - earlier.batches());
    }

    /** The instances' histograms added bucket by bucket, as Prometheus' sum by (le) would. */
    static TreeMap<Double, Double> merge(Iterable<Scrape> scrapes) {
        var merged = new TreeMap<Double, Double>();
        for (var scrape : scrapes) {
            scrape.latencyBuckets().forEach((bound, count) -> merged.merge(bound, count, Double::sum));
        }
        return merged;
    }

    /**
     * The upper bound of the bucket holding the q-quantile: the true value is at most this, and above the
     * bucket before. Infinity when it lies beyond the last finite bucket.
     */
    static double quantile(Map<Double, Double> cumulative, double q) {
        var total = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total == 0) {
            return Double.NaN;
        }
        for (var bucket : new TreeMap<>(cumulative).entrySet()) {
            if (bucket.getValue() >= q * total) {
                return bucket.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
