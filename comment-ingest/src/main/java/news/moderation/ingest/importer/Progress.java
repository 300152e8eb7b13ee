package news.moderation.ingest.importer;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal: share of the file read, comments, rate and time left. Redrawn at most
 * a few times a second, and only when there is a terminal, so that logs and pipes get the summary alone.
 */
final class Progress {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream err;
    private final long totalBytes;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;

    Progress(PrintStream err, long totalBytes, boolean enabled) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.enabled = enabled;
    }

    void update(long bytesRead, long comments) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        err.print("\r" + render(bytesRead, totalBytes, comments, (now - startNanos) / 1e9));
        err.flush();
    }

    void finish(long bytesRead, long comments) {
        if (enabled) {
            err.println("\r" + render(bytesRead, totalBytes, comments, (System.nanoTime() - startNanos) / 1e9));
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** E.g. {@code [###############...............]  50%  12,000 comments  4,000/s  ETA 0:03}. */
    static String render(long bytesRead, long totalBytes, long comments, double seconds) {
        double share = totalBytes > 0 ? Math.min(1.0, (double) bytesRead / totalBytes) : 0;
        int filled = (int) Math.round(share * BAR_WIDTH);
        var bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        double rate = seconds > 0 ? comments / seconds : 0;
        String eta;
        if (bytesRead <= 0 || seconds <= 0 || totalBytes <= 0) {
            eta = "-:--";
        } else {
            long left = Math.round((totalBytes - Math.min(bytesRead, totalBytes)) * seconds / bytesRead);
            eta = left >= 3600
                    ? String.format(Locale.ROOT, "%d:%02d:%02d", left / 3600, left / 60 % 60, left % 60)
                    : String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60);
        }
        return String.format(Locale.ROOT, "[%s] %3d%%  %,d comments  %,.0f/s  ETA %s",
                bar, Math.round(share * 100), comments, rate, eta);
    }
}
