package news.moderation.e2e.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ScaleOutLoad} measures, from {@code --name=value} arguments.
 *
 * @param instances  one run per entry, each with that many moderation-service processes
 * @param partitions of the submitted topic
 * @param warmup     sent and stored before each measurement, and left out of it
 * @param comments   sent per run, measured
 * @param rate       target comments/s, 0 for unthrottled
 * @param kill       whether the last instance is killed (SIGKILL) once half of the comments have verdicts
 * @param timeout    how long after the last send the run may take to store every verdict
 */
record ScaleOptions(List<Integer> instances, int partitions, int warmup, int comments, int rate, boolean kill,
                    Duration timeout) {

    static final String USAGE = """
            Usage: ScaleOutLoad [--instances=1,2,3] [--partitions=6] [--warmup=20000] [--comments=100000] [--rate=0]
                                [--kill] [--timeout=600]
              --instances   instance counts, one run each with fresh topics and database (default 1,2,3)
              --partitions  partitions of the submitted topic (default 6)
              --warmup      comments sent unthrottled and stored before measuring, left out of it (default 20000)
              --comments    comments sent and measured per run (default 100000)
              --rate        target comments/s; 0 = unthrottled, as fast as the producer takes them (default 0)
              --kill        SIGKILL the last instance once half of the comments have verdicts (needs 2+ instances)
              --timeout     seconds allowed after the last send until every verdict is stored (default 600)""";

    static ScaleOptions parse(String... args) {
        List<Integer> instances = List.of(1, 2, 3);
        int partitions = 6;
        int warmup = 20_000;
        int comments = 100_000;
        int rate = 0;
        boolean kill = false;
        int timeout = 600;
        for (var arg : args) {
            if (arg.equals("--kill")) {
                kill = true;
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': options look like --name=value");
            }
            var name = arg.substring(2, eq);
            var value = arg.substring(eq + 1);
            switch (name) {
                case "instances" -> instances = counts(value);
                case "partitions" -> partitions = number(name, value, 1);
                case "warmup" -> warmup = number(name, value, 0);
                case "comments" -> comments = number(name, value, 1);
                case "rate" -> rate = number(name, value, 0);
                case "timeout" -> timeout = number(name, value, 1);
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        if (kill && instances.stream().anyMatch(n -> n < 2)) {
            throw new IllegalArgumentException("--kill needs at least 2 instances in every run, got --instances="
                    + instances.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
        }
        return new ScaleOptions(instances, partitions, warmup, comments, rate, kill, Duration.ofSeconds(timeout));
    }

    private static List<Integer> counts(String value) {
        var counts = new ArrayList<Integer>();
        for (var part : value.split(",", -1)) {
            counts.add(number("instances", part.strip(), 1));
        }
        return List.copyOf(counts);
    }

    private static int number(String name, String value, int min) {
        int n;
        try {
            n = Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'");
        }
        if (n < min) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got " + n);
        }
        return n;
    }
}
