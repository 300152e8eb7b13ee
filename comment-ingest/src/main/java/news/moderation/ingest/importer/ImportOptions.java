package news.moderation.ingest.importer;

import news.moderation.contract.CommentLimits;

import java.nio.file.Path;
import java.util.Map;

/**
 * The command line of {@code import}.
 *
 * @param bootstrapServers {@code --bootstrap-servers}, else {@code KAFKA_BOOTSTRAP_SERVERS}, else localhost:9092
 */
record ImportOptions(ArchiveFormat format, String siteId, String bootstrapServers, String topic, boolean dryRun,
                     Path file) {

    static final String USAGE = """
            usage: java -jar comment-ingest.jar import --format jsonl|wxr|disqus --site SITE [options] FILE

              --format FORMAT            jsonl (one comment a line, the fields of POST /api/v1/comments),
                                         wxr (WordPress export) or disqus (Disqus XML export)
              --site SITE                the site the comments belong to, e.g. daily-news
              --bootstrap-servers HOSTS  Kafka brokers; default $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092
              --topic TOPIC              default comments.submitted
              --dry-run                  read and validate only; publish nothing

            Exit status: 0 all published or skipped on purpose, 1 some rejected, 2 stopped early or usage error.
            Running it again is safe: comments keep their ids and eventIds, and moderation stores each id once.
            """;

    /** The options, or why the command line is wrong. */
    sealed interface Parsed {
    }

    record Valid(ImportOptions options) implements Parsed {
    }

    record Invalid(String problem) implements Parsed {
    }

    record Help() implements Parsed {
    }

    static Parsed parse(String[] args, Map<String, String> env) {
        ArchiveFormat format = null;
        String site = null;
        String servers = null;
        String topic = "comments.submitted";
        boolean dryRun = false;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Help();
            }
            if (arg.equals("--dry-run")) {
                dryRun = true;
                continue;
            }
            if (arg.startsWith("--")) {
                var name = arg;
                String value;
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return new Invalid(arg + " needs a value");
                }
                switch (name) {
                    case "--format" -> {
                        format = ArchiveFormat.of(value);
                        if (format == null) {
                            return new Invalid("--format must be jsonl, wxr or disqus, not " + value);
                        }
                    }
                    case "--site" -> site = value;
                    case "--bootstrap-servers" -> servers = value;
                    case "--topic" -> topic = value;
                    default -> {
                        return new Invalid("unknown option " + name);
                    }
                }
                continue;
            }
            if (file != null) {
                return new Invalid("one FILE at a time; got " + file + " and " + arg);
            }
            file = Path.of(arg);
        }
        if (format == null) {
            return new Invalid("--format is required");
        }
        if (site == null || !CommentLimits.SITE_ID.matcher(site).matches()) {
            return new Invalid("--site is required and must match " + CommentLimits.SITE_ID.pattern());
        }
        if (topic.isBlank()) {
            return new Invalid("--topic must not be blank");
        }
        if (file == null) {
            return new Invalid("FILE is required");
        }
        if (servers == null) {
            var fromEnv = env.get("KAFKA_BOOTSTRAP_SERVERS");
            servers = fromEnv == null || fromEnv.isBlank() ? "localhost:9092" : fromEnv;
        }
        return new Valid(new ImportOptions(format, site, servers, topic, dryRun, file));
    }
}
