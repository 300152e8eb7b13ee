package news.moderation.service.offline;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters, so that one runaway line cannot exhaust memory: a
 * longer line is skipped to its end and reported with {@link #TOO_LONG}. Accepts {@code \n}, {@code \r\n}
 * and a leading byte-order mark.
 */
final class LineReader {

    /** Returned instead of a line that was longer than the limit (compare by identity). */
    static final String TOO_LONG = new String("\u0000too long");

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private boolean eof;
    private boolean first = true;
    private int lineNumber;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The number of the line last returned, counting from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or {@code null} at the end of input. */
    String next() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    eof = true;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                break;
            }
            if (!tooLong) {
                if (line.length() >= maxChars) {
                    tooLong = true;
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }
        lineNumber++;
        boolean firstLine = first;
        first = false;
        if (tooLong) {
            return TOO_LONG;
        }
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        if (firstLine && line.length() > 0 && line.charAt(0) == '\uFEFF') {
            line.deleteCharAt(0);
        }
        return line.toString();
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
