package news.moderation.e2e.bench;

import java.util.List;

/**
 * What one run of {@link ScaleOutLoad} measured.
 *
 * @param sendSeconds        first send to the last one
 * @param judgeSeconds       first send to the last stored verdict ({@code decidedAt} of the newest document)
 * @param windowSeconds      first send to the moment the harness saw everything stored: the CPU figures' window
 * @param warmup             comments sent and stored before the measurement, left out of every figure
 * @param stored             documents in the run's {@code comments} collection, warm-up included; one per comment
 *                           id by design
 * @param measured           those received after the warm-up
 * @param eventRecords       records on the run's moderated topic, warm-up included
 * @param eventComments      distinct comment ids among them
 * @param eventsOnce         whether every comment's records carry one event id (a re-send repeats it)
 * @param p50                upper bound of the merged verdict-latency histograms' bucket holding the median, s
 * @param p99                the same for the 99th percentile
 * @param exactP50Ms         from the documents instead: {@code decidedAt - receivedAt}, milliseconds
 * @param verdicts           {@code moderation_verdicts_total} per instance since the warm-up (a killed one's as of
 *                           its last scrape)
 * @param cpuSeconds         CPU time per instance within the window
 * @param harnessCpuSeconds  this JVM's: producer, and the embedded broker and mongo-java-server when used
 * @param harness            the same by part
 * @param boxBusy            share of all cores busy in the window, from /proc/stat; NaN elsewhere
 * @param assignment         partitions per group member when the run started, e.g. "2+2+2"
 */
record RunResult(int instances, int partitions, int warmup, int comments, int rate, boolean killed,
                 long failedSends, double sendSeconds, double judgeSeconds, double windowSeconds,
                 long stored, long measured, long eventRecords, long eventComments, boolean eventsOnce,
                 long maxLag, double meanLag, double p50, double p99,
                 long exactP50Ms, long exactP99Ms, long exactMaxMs, double meanBatch,
                 List<Long> verdicts, List<Double> cpuSeconds, double harnessCpuSeconds, HarnessCpu.Split harness,
                 double boxBusy,
                 String assignment) {

    boolean noLoss() {
        return failedSends == 0 && stored == warmup + comments && measured == comments
                && eventComments == warmup + comments && eventsOnce && verdictSum() >= (killed ? 0 : comments);
    }

    long verdictSum() {
        return verdicts.stream().mapToLong(Long::longValue).sum();
    }

    double judgedPerSecond() {
        return comments / judgeSeconds;
    }
}
