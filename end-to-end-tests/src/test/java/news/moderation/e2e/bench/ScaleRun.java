package news.moderation.e2e.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import news.moderation.contract.CommentModerated;
import news.moderation.contract.CommentSubmitted;
import news.moderation.contract.ContractJson;
import news.moderation.local.ServiceProcess;
import news.moderation.local.TestServices;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One measurement: fresh topics, database and consumer group, N instances, M comments, then the checks.
 * Everything it started is stopped and its data dropped before it returns.
 */
final class ScaleRun {

    static final int THREADS = 5_000;
    static final int AUTHORS = 40_000;
    static final Duration READY = Duration.ofMinutes(3);

    record Instance(int index, int port, ServiceProcess process) {
    }

    private final ScaleOptions options;
    private final int count;
    private final Path root;
    private final String bootstrap;
    private final String mongoUri;
    private final Admin admin;
    private final MongoClient mongo;
    private final PrintStream out;
    private final String run;
    private final String submitted;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Instance> instances = new ArrayList<>();
    // one sequence over warm-up and measurement, so replies may answer a warm-up comment
    private final SplittableRandom random = new SplittableRandom(42);
    private final String[] lastInThread = new String[THREADS];
    private volatile String group;
    private Scrape[] baseline;
    private HarnessCpu harnessThreads;

    // shared by the sampler thread and the main thread
    private final AtomicLong maxLag = new AtomicLong();
    private final AtomicLong lagSum = new AtomicLong();
    private final AtomicLong lagSamples = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private AtomicReferenceArray<Scrape> scrapes;
    private AtomicReferenceArray<Duration> cpuAtKill;
    private volatile int killed = -1;
    private volatile boolean finished;

    ScaleRun(ScaleOptions options, int count, Path root, String bootstrap, String mongoUri, Admin admin,
             MongoClient mongo, PrintStream out) {
        this.options = options;
        this.count = count;
        this.root = root;
        this.bootstrap = bootstrap;
        this.mongoUri = mongoUri;
        this.admin = admin;
        this.mongo = mongo;
        this.out = out;
        this.run = TestServices.uniqueName("scale" + count);
        this.submitted = run + ".submitted";
    }

    RunResult execute() throws Exception {
        out.printf("%n== %d instance(s), %d partitions, %,d comments, %s, run %s%n", count, options.partitions(),
                options.comments(), options.rate() == 0 ? "as fast as acknowledged" : options.rate() + " comments/s",
                run);
        createTopics();
        var sampler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "scale-sampler"));
        // Ctrl-C skips the finally below; without this the instances would outlive the harness
        var orphans = new Thread(() -> instances.forEach(i -> i.process().handle().destroyForcibly()), "scale-stop");
        Runtime.getRuntime().addShutdownHook(orphans);
        try {
            startInstances();
            var assignment = awaitStableGroup();
            out.printf("   group %s stable, partitions per instance %s%n", group, assignment);
            return measure(sampler, assignment);
        } finally {
            sampler.shutdownNow();
            stopInstances();
            Runtime.getRuntime().removeShutdownHook(orphans);
            mongo.getDatabase(run).drop();
            admin.deleteTopics(List.of(submitted, run + ".moderated", submitted + ".DLT", run + ".rulesets"));
        }
    }

    private RunResult measure(ScheduledExecutorService sampler, String assignment) throws Exception {
        scrapes = new AtomicReferenceArray<>(count);
        cpuAtKill = new AtomicReferenceArray<>(count);
        baseline = new Scrape[count];
        Arrays.fill(baseline, Scrape.EMPTY);
        var comments = mongo.getDatabase(run).getCollection("comments");
        int warmup = options.warmup();
        if (warmup > 0) {
            // cold JITs would otherwise dominate the first tens of seconds, and more so with more instances
            out.printf("   warm-up: %,d comments, unthrottled, drained and left out of every figure%n", warmup);
            long failed = produce(warmup, "w-", 0, new AtomicLong());
            if (failed > 0 || awaitStored(comments, warmup) < warmup) {
                throw new IllegalStateException("warm-up not stored: " + failed + " sends failed, "
                        + comments.countDocuments() + " of " + warmup + " stored");
            }
            for (var instance : instances) {
                baseline[instance.index()] = Scrape.of(http, instance.port(), false);
            }
        }
        var cpuBefore = instances.stream().map(i -> cpu(i.process().handle())).toList();
        harnessThreads = new HarnessCpu();
        var harnessBefore = cpu(ProcessHandle.current());
        var boxBefore = BoxCpu.read();
        long t0 = System.nanoTime();
        var wallStart = Instant.now();
        out.printf("   sending %,d…%n", options.comments());
        sampler.scheduleAtFixedRate(() -> sample(t0), 1, 1, TimeUnit.SECONDS);

        var failed = produce(options.comments(), "c-", options.rate(), sent);
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf("   sent %,d in %.1f s (%,.0f/s)%s%n", options.comments(), sendSeconds,
                options.comments() / sendSeconds, failed == 0 ? "" : ", " + failed + " FAILED");

        long expected = warmup + (long) options.comments();
        long stored = awaitStored(comments, expected);
        long done = System.nanoTime();
        finished = true;
        var cpuAfter = instances.stream().map(i -> cpu(i.process().handle())).toList();
        var harnessAfter = cpu(ProcessHandle.current());
        var boxAfter = BoxCpu.read();
        sampler.shutdown();
        sampler.awaitTermination(30, TimeUnit.SECONDS);
        if (stored < expected) {
            out.printf("   TIMED OUT after %s: %,d of %,d stored, lag %,d%n", options.timeout(), stored, expected,
                    lag());
        }

        var finalScrapes = new ArrayList<Scrape>();
        var cpuSeconds = new ArrayList<Double>();
        for (var instance : instances) {
            int i = instance.index();
            boolean dead = i == killed;
            var last = dead ? scrapes.get(i) : Scrape.of(http, instance.port(), false);
            finalScrapes.add(last.minus(baseline[i]));
            var end = dead ? cpuAtKill.get(i) : cpuAfter.get(i);
            cpuSeconds.add(end.minus(cpuBefore.get(i)).toMillis() / 1e3);
        }
        var merged = Scrape.merge(finalScrapes);
        double batches = finalScrapes.stream().mapToDouble(Scrape::batches).sum();
        double batchRecords = finalScrapes.stream().mapToDouble(Scrape::batchRecords).sum();

        // the measured comments are those received after the warm-up
        var latencies = new long[options.comments()];
        int n = 0;
        long lastDecided = 0;
        for (var doc : comments.find(Filters.gte("receivedAt", Date.from(wallStart)))
                .projection(Projections.include("receivedAt", "decidedAt"))) {
            long decided = doc.getDate("decidedAt").getTime();
            lastDecided = Math.max(lastDecided, decided);
            if (n < latencies.length) {
                latencies[n++] = decided - doc.getDate("receivedAt").getTime();
            }
        }
        Arrays.sort(latencies, 0, n);
        var events = readEvents();
        long eventRecords = events.values().stream().mapToLong(List::size).sum();
        boolean once = events.values().stream().allMatch(ids -> new HashSet<>(ids).size() == 1);

        return new RunResult(count, options.partitions(), warmup, options.comments(), options.rate(), killed >= 0,
                failed, sendSeconds, (lastDecided - wallStart.toEpochMilli()) / 1e3, (done - t0) / 1e9,
                stored, n, eventRecords, events.size(), once,
                maxLag.get(), lagSamples.get() == 0 ? 0 : (double) lagSum.get() / lagSamples.get(),
                Scrape.quantile(merged, 0.5), Scrape.quantile(merged, 0.99),
                percentile(latencies, n, 0.5), percentile(latencies, n, 0.99), n == 0 ? -1 : latencies[n - 1],
                batches == 0 ? 0 : batchRecords / batches,
                finalScrapes.stream().map(s -> Math.round(s.verdicts())).toList(), cpuSeconds,
                harnessAfter.minus(harnessBefore).toMillis() / 1e3,
                harnessThreads.split(harnessAfter.minus(harnessBefore).toMillis() / 1e3),
                BoxCpu.busy(boxBefore, boxAfter), assignment);
    }

    /** Waits until the group has committed everything and {@code expected} documents exist; returns the count. */
    private long awaitStored(MongoCollection<Document> comments, long expected) throws Exception {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        long stored = 0;
        while (System.nanoTime() < deadline) {
            // lag 0 means every offset is committed, and the service commits only after storing
            if (lag() == 0 && (stored = comments.countDocuments()) >= expected) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
        return stored;
    }

    /** Sends comments with receivedAt = now, keyed by thread as ingest does; returns how many failed. */
    private long produce(int comments, String idPrefix, int rate, AtomicLong progress) {
        var failed = new AtomicLong();
        long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < comments; i++) {
                if (interval > 0) {
                    long wait = start + i * interval - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                int thread = random.nextInt(THREADS);
                var threadId = "thread-" + thread;
                var id = idPrefix + i;
                // a quarter reply to the thread's previous comment: the pipeline looks the parent up if needed
                var parent = random.nextInt(4) == 0 ? lastInThread[thread] : null;
                lastInThread[thread] = id;
                var now = Instant.now();
                var event = CommentSubmitted.of(UUID.randomUUID(), id, "bench-site", threadId,
                        "Council budget, part " + thread, null, parent, "reader-" + random.nextInt(AUTHORS),
                        "Reader", CommentTexts.next(random, random.nextInt(10) == 0), now.minusSeconds(1), now);
                producer.send(new ProducerRecord<>(submitted, threadId, ContractJson.write(event)), (meta, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
                progress.set(i + 1);
            }
            producer.flush();
            if (harnessThreads != null) {
                harnessThreads.look();
            }
        }
        return failed.get();
    }

    /** Every second: lag, CPU, verdicts per instance; and the kill, when asked for and half are judged. */
    private void sample(long t0) {
        try {
            long lag = lag();
            if (!finished) {
                maxLag.accumulateAndGet(lag, Math::max);
                lagSum.addAndGet(lag);
                lagSamples.incrementAndGet();
            }
            double judged = 0;
            for (var instance : instances) {
                if (instance.index() != killed) {
                    scrapes.set(instance.index(), Scrape.of(http, instance.port(), true));
                }
                judged += judged(instance.index());
            }
            long seconds = Math.round((System.nanoTime() - t0) / 1e9);
            if (seconds % 5 == 0) {
                out.printf("   %4d s  sent %,9d  lag %,9d  verdicts %s  CPU s %s%n", seconds, sent.get(), lag,
                        instances.stream().map(i -> String.format("%,d", (long) judged(i.index())))
                                .collect(Collectors.joining(" + ")),
                        instances.stream().map(i -> i.index() == killed ? "killed"
                                : String.format("%.0f", cpu(i.process().handle()).toMillis() / 1e3))
                                .collect(Collectors.joining(" ")));
            }
            if (options.kill() && killed < 0 && judged >= options.comments() / 2.0) {
                kill(instances.get(count - 1));
            }
        } catch (Exception e) {
            // a sampler that throws is never run again: report and carry on with the next second
            out.println("   sample failed: " + e);
        }
    }

    /** Verdicts of one instance since the warm-up, as of its latest scrape. */
    private double judged(int instance) {
        return scrapes.get(instance).verdicts() - baseline[instance].verdicts();
    }

    private void kill(Instance victim) throws Exception {
        var last = Scrape.of(http, victim.port(), false);
        var handle = victim.process().handle();
        cpuAtKill.set(victim.index(), cpu(handle));
        scrapes.set(victim.index(), last);
        killed = victim.index();
        handle.destroyForcibly();
        handle.onExit().get(10, TimeUnit.SECONDS);
        out.printf("   KILLED instance %d (SIGKILL) after %,.0f verdicts of its own; its partitions wait for the"
                + " group's session timeout%n", victim.index() + 1, judged(victim.index()));
    }

    /** Records on the submitted topic not yet committed by the group: what is still to be judged and stored. */
    private long lag() throws Exception {
        var partitions = IntStream.range(0, options.partitions()).mapToObj(p -> new TopicPartition(submitted, p))
                .toList();
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var partition : partitions) {
            var offset = committed.get(partition);
            lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /** Event ids per comment id on the moderated topic: one each, however often it was sent. */
    private Map<String, List<UUID>> readEvents() {
        var topic = run + ".moderated";
        var events = new HashMap<String, List<UUID>>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    var event = ContractJson.read(record.value(), CommentModerated.class);
                    events.computeIfAbsent(event.commentId(), k -> new ArrayList<>(1)).add(event.eventId());
                }
            }
        }
        return events;
    }

    private void createTopics() throws Exception {
        // replicated like production where the cluster allows it; a single embedded broker takes 1
        short replicas = (short) Math.min(3, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
        int p = options.partitions();
        admin.createTopics(List.of(
                new NewTopic(submitted, p, replicas),
                new NewTopic(run + ".moderated", p, replicas),
                new NewTopic(submitted + ".DLT", p, replicas),
                new NewTopic(run + ".rulesets", 1, replicas)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                .all().get(30, TimeUnit.SECONDS);
    }

    private void startInstances() throws IOException {
        var jar = ServiceProcess.jar(root, "moderation-service");
        var logs = root.resolve("end-to-end-tests/target/scale-logs");
        Files.createDirectories(logs);
        var env = Map.of(TestServices.KAFKA_ENV, bootstrap, TestServices.MONGO_ENV, mongoUri);
        for (int i = 0; i < count; i++) {
            int port = freePort();
            var arguments = new ArrayList<>(TestServices.moderationRunArguments(run));
            arguments.addAll(List.of(
                    "--server.port=" + port,
                    "--moderation.topics.partitions=" + options.partitions(),
                    // Micrometer's buckets stop at 30 s; a backlog's latency would all land in +Inf
                    "--management.metrics.distribution.maximum-expected-value.moderation.verdict.latency=10m",
                    "--moderation.security.users[0].username=bench",
                    "--moderation.security.users[0].password={noop}bench",
                    "--moderation.security.users[0].roles=MODERATOR"));
            var process = ServiceProcess.start("moderation-service " + (i + 1), jar, arguments,
                    env, logs.resolve(run + "-instance-" + (i + 1) + ".log"));
            instances.add(new Instance(i, port, process));
        }
        out.printf("   started %d instance(s) on ports %s; logs in %s%n", count,
                instances.stream().map(i -> String.valueOf(i.port())).collect(Collectors.joining(", ")),
                root.relativize(logs));
        for (var instance : instances) {
            instance.process().awaitReady(instance.port(), READY);
        }
    }

    /**
     * Finds the instances' consumer group and waits out the joins' rebalances, so the run measures sharing
     * rather than the group settling. Found by its assignment, not by name: the listener's container id
     * ({@code submitted-comments}) is what Spring Kafka uses as group id, whatever
     * {@code spring.kafka.consumer.group-id} says.
     */
    private String awaitStableGroup() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int expected = Math.min(count, options.partitions());
        String last = "no group has partitions of " + submitted;
        while (System.nanoTime() < deadline) {
            var ids = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(10, TimeUnit.SECONDS)
                    .stream().map(GroupListing::groupId).toList();
            var groups = ids.isEmpty() ? Map.<String, ConsumerGroupDescription>of()
                    : admin.describeConsumerGroups(ids).all().get(10, TimeUnit.SECONDS);
            for (var description : groups.values()) {
                // members of other runs may share the group on a shared broker: count only this topic's
                var perMember = description.members().stream()
                        .map(m -> (int) m.assignment().topicPartitions().stream()
                                .filter(p -> p.topic().equals(submitted)).count())
                        .filter(n -> n > 0).sorted((a, b) -> b - a).toList();
                if (perMember.isEmpty()) {
                    continue;
                }
                group = description.groupId();
                last = "group " + group + " " + description.groupState() + " with " + perMember;
                if (description.groupState() == GroupState.STABLE && perMember.size() == expected
                        && perMember.stream().mapToInt(Integer::intValue).sum() == options.partitions()) {
                    return perMember.stream().map(String::valueOf).collect(Collectors.joining("+"));
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        throw new IllegalStateException(count + " instance(s) not sharing " + submitted + " after 120 s: " + last);
    }

    private void stopInstances() {
        // in parallel: each may take its graceful-shutdown time
        instances.parallelStream().forEach(i -> i.process().close());
    }

    private static Duration cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static long percentile(long[] sorted, int n, double q) {
        return n == 0 ? -1 : sorted[Math.min(n - 1, (int) Math.ceil(q * n) - 1)];
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whole-machine CPU ticks from /proc/stat, to say how busy the box was beside the processes measured. */
    record BoxCpu(long busy, long total) {

        static BoxCpu read() {
            try {
                var fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                // user nice system idle iowait irq softirq steal; guest time is already in user
                for (int i = 1; i <= 8 && i < fields.length; i++) {
                    total += Long.parseLong(fields[i]);
                }
                return new BoxCpu(total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]), total);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        static double busy(BoxCpu before, BoxCpu after) {
            return before == null || after == null || after.total == before.total ? Double.NaN
                    : (double) (after.busy - before.busy) / (after.total - before.total);
        }
    }
}
