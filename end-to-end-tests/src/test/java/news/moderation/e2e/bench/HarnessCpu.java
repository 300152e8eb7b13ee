package news.moderation.e2e.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Where this JVM's CPU went during a run, by thread name: it hosts the embedded broker and mongo-java-server
 * beside the producer, and on two shared cores whichever of them is busiest bounds the instances.
 *
 * <pre>{@code
 * var cpu = new HarnessCpu();     // at the start of the window
 * cpu.look();                     // before threads of interest end (a producer's closes with it)
 * HarnessCpu.Split split = cpu.split(processCpuSecondsOfTheWindow);
 * }</pre>
 */
final class HarnessCpu {

    /**
     * CPU seconds of the window: the embedded servers; the producer (the main thread, which also waits for
     * the end, and the producer's network thread); the sampler (admin client, scrapes, MongoDB driver); the
     * JVM's own (JIT, GC).
     */
    record Split(double mongo, double broker, double producer, double sampler, double jvm) {
    }

    private record Seen(String name, long nanos) {
    }

    private final Map<Long, Seen> start;
    private final Map<Long, Seen> latest = new HashMap<>();

    HarnessCpu() {
        start = snapshot();
    }

    /** Remembers every live thread's CPU time, so one that ends before the window does still counts. */
    void look() {
        latest.putAll(snapshot());
    }

    /** {@code processSeconds}: the JVM's CPU in the window; what its Java threads do not account for is JIT and GC. */
    Split split(double processSeconds) {
        look();
        double mongo = 0;
        double broker = 0;
        double producer = 0;
        double sampler = 0;
        for (var entry : latest.entrySet()) {
            var before = start.get(entry.getKey());
            double seconds = (entry.getValue().nanos() - (before == null ? 0 : before.nanos())) / 1e9;
            var name = entry.getValue().name();
            if (name.startsWith("mongo-server")) {
                mongo += seconds;
            } else if (name.equals("main") || name.startsWith("kafka-producer-network-thread")) {
                producer += seconds;
            } else if (name.startsWith("scale-sampler") || name.startsWith("kafka-admin-client")
                    || name.startsWith("HttpClient") || name.startsWith("cluster-")) {
                sampler += seconds;
            } else {
                // the embedded KRaft broker's many threads (request handlers, raft, log, coordinators)
                broker += seconds;
            }
        }
        double jvm = Math.max(0, processSeconds - mongo - broker - producer - sampler);
        return new Split(mongo, broker, producer, sampler, jvm);
    }

    private static Map<Long, Seen> snapshot() {
        var threads = ManagementFactory.getThreadMXBean();
        var seen = new HashMap<Long, Seen>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    seen.put(info.getThreadId(), new Seen(info.getThreadName(), nanos));
                }
            }
        }
        return seen;
    }
}
