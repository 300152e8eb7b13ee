package news.moderation.ingest.importer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an import did, counted as it goes; the Kafka producer's callbacks add to it from their own thread, so
 * every method is synchronized. Only the first {@link #MAX_LISTED} rejections are kept with their reasons.
 */
final class ImportSummary {

    static final int MAX_LISTED = 100;

    private long read;
    private long published;
    private long rejected;
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    private final List<String> rejections = new ArrayList<>();
    private String stoppedBy;

    synchronized void read() {
        read++;
    }

    synchronized void published() {
        published++;
    }

    synchronized void skipped(SkipReason reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    synchronized void rejected(Location location, String reason) {
        rejected++;
        if (rejections.size() < MAX_LISTED) {
            rejections.add(location + ": " + reason);
        }
    }

    /** The import ended early: the archive could not be read on, or Kafka refused a record. */
    synchronized void stopped(String why) {
        if (stoppedBy == null) {
            stoppedBy = why;
        }
    }

    synchronized boolean isStopped() {
        return stoppedBy != null;
    }

    synchronized long readCount() {
        return read;
    }

    synchronized long publishedCount() {
        return published;
    }

    synchronized long rejectedCount() {
        return rejected;
    }

    synchronized long skippedCount() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized Map<SkipReason, Long> skippedByReason() {
        return Map.copyOf(skipped);
    }

    synchronized List<String> rejections() {
        return List.copyOf(rejections);
    }

    synchronized String stoppedBy() {
        return stoppedBy;
    }

    /** 0 when every comment was published or skipped on purpose; 1 if any was rejected; 2 if the import stopped. */
    synchronized int exitCode() {
        return stoppedBy != null ? 2 : rejected > 0 ? 1 : 0;
    }

    synchronized void print(PrintStream out, double seconds) {
        out.printf("read      %,12d comments in %.1f s (%,.0f/s)%n", read, seconds, seconds > 0 ? read / seconds : 0.0);
        out.printf("published %,12d%n", published);
        var reasons = skipped.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        out.printf("skipped   %,12d%s%n", skippedCount(), reasons.isEmpty() ? "" : "   (" + reasons + ")");
        out.printf("rejected  %,12d%n", rejected);
        rejections.forEach(rejection -> out.println("  " + rejection));
        if (rejected > rejections.size()) {
            out.printf("  ... and %,d more%n", rejected - rejections.size());
        }
        if (stoppedBy != null) {
            out.println("stopped early: " + stoppedBy);
        }
    }
}
