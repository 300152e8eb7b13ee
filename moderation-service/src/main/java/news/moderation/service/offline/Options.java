package news.moderation.service.offline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of an offline command: {@code --rules FILE} (repeatable), {@code --review-at N},
 * {@code --hide-at N}, and per command {@code --shared DIR} and {@code --examples N} (evaluate) or one
 * {@code INPUT} file (moderate; {@code -} or none for stdin). {@code --name=value} works too.
 */
record Options(List<Path> rules, int reviewAt, int hideAt, Path input, Path shared, int examples, boolean help) {

    static final int DEFAULT_REVIEW_AT = 2;
    static final int DEFAULT_HIDE_AT = 5;
    static final Path DEFAULT_SHARED = Path.of("..", "shared");

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String command, List<String> args) throws UsageException {
        boolean evaluate = command.equals(OfflineCommand.EVALUATE);
        var rules = new ArrayList<Path>();
        int reviewAt = DEFAULT_REVIEW_AT;
        int hideAt = DEFAULT_HIDE_AT;
        Path input = null;
        Path shared = DEFAULT_SHARED;
        int examples = 0;
        boolean help = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            if (!optionsEnded && arg.equals("-h")) {
                help = true;
                continue;
            }
            if (optionsEnded || !arg.startsWith("--")) {
                if (evaluate) {
                    throw new UsageException("evaluate takes no input file (got '" + arg + "'); use --shared DIR");
                }
                if (input != null) {
                    throw new UsageException("only one INPUT file may be given (got '" + input + "' and '" + arg + "')");
                }
                input = arg.equals("-") ? null : Path.of(arg);
                if (arg.equals("-")) {
                    optionsEnded = true;
                }
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help" -> help = true;
                case "--rules" -> rules.add(Path.of(value(name, value, args, i)));
                case "--review-at" -> reviewAt = number(name, value(name, value, args, i), 1, 5);
                case "--hide-at" -> hideAt = number(name, value(name, value, args, i), 1, 6);
                case "--shared" -> {
                    if (!evaluate) {
                        throw new UsageException("--shared is an option of evaluate");
                    }
                    shared = Path.of(value(name, value, args, i));
                }
                case "--examples" -> {
                    if (!evaluate) {
                        throw new UsageException("--examples is an option of evaluate");
                    }
                    examples = number(name, value(name, value, args, i), 0, 1_000_000);
                }
                default -> throw new UsageException("unknown option '" + name + "'");
            }
            if (value == null && !name.equals("--help")) {
                i++;
            }
        }
        if (hideAt < reviewAt) {
            throw new UsageException("--hide-at (" + hideAt + ") must not be below --review-at (" + reviewAt + ")");
        }
        return new Options(List.copyOf(rules), reviewAt, hideAt, input, shared, examples, help);
    }

    private static String value(String name, String inline, List<String> args, int i) throws UsageException {
        if (inline != null) {
            if (inline.isEmpty()) {
                throw new UsageException(name + " needs a value");
            }
            return inline;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        return args.get(i + 1);
    }

    private static int number(String name, String text, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number from " + min + " to " + max + " (got '" + text + "')");
    }
}
