package news.moderation.ingest.parsing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a byte stream into numbered lines as chunks arrive, holding at most one line of {@code maxLineBytes}:
 * a stream of a million comments costs the memory of one. A longer line is reported as {@link Line.TooLong}
 * and skipped to its end without being kept. Blank lines are counted but not returned; CR before LF is dropped.
 *
 * <pre>{@code
 * var lines = new LineSplitter(65_536);
 * for (byte[] chunk : chunks) lines.feed(chunk, 0, chunk.length).forEach(this::handle);
 * lines.finish().forEach(this::handle);
 * }</pre>
 */
public final class LineSplitter {

    private final int maxLineBytes;
    private byte[] pending = new byte[1024];
    private int pendingLength;
    /** Bytes of the current line once it is known to be too long; -1 while it still fits. */
    private long overflowLength = -1;
    private long lineNumber = 1;

    public LineSplitter(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** One line of the stream; numbers start at 1 and count blank lines too, as an editor shows them. */
    public sealed interface Line {

        long number();

        /** @param bytes the line without its line break */
        record Text(long number, byte[] bytes) implements Line {
        }

        record TooLong(long number, long length) implements Line {
        }
    }

    /** The lines completed by this chunk. */
    public List<Line> feed(byte[] chunk, int offset, int length) {
        List<Line> lines = List.of();
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (chunk[i] == '\n') {
                append(chunk, start, i - start);
                var line = complete();
                if (line != null) {
                    if (lines.isEmpty()) {
                        lines = new ArrayList<>();
                    }
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        append(chunk, start, end - start);
        return lines;
    }

    /** The last line when the stream does not end with a line break. */
    public List<Line> finish() {
        if (pendingLength == 0 && overflowLength < 0) {
            return List.of();
        }
        var line = complete();
        return line == null ? List.of() : List.of(line);
    }

    private void append(byte[] chunk, int from, int count) {
        if (count == 0) {
            return;
        }
        if (overflowLength >= 0) {
            overflowLength += count;
            return;
        }
        // maxLineBytes + 1 leaves room for a CR that the line break will strip.
        if (pendingLength + count > maxLineBytes + 1) {
            overflowLength = pendingLength + (long) count;
            pendingLength = 0;
            return;
        }
        if (pendingLength + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.min(maxLineBytes + 1, Math.max(pending.length * 2, pendingLength + count)));
        }
        System.arraycopy(chunk, from, pending, pendingLength, count);
        pendingLength += count;
    }

    private Line complete() {
        long number = lineNumber++;
        if (overflowLength >= 0) {
            long length = overflowLength;
            overflowLength = -1;
            return new Line.TooLong(number, length);
        }
        int length = pendingLength;
        pendingLength = 0;
        if (length > 0 && pending[length - 1] == '\r') {
            length--;
        }
        if (length > maxLineBytes) {
            return new Line.TooLong(number, length);
        }
        if (isBlank(pending, length)) {
            return null;
        }
        var line = Arrays.copyOf(pending, length);
        // Do not let one long line keep a large buffer alive for the rest of a long stream.
        if (pending.length > 64 * 1024) {
            pending = new byte[1024];
        }
        return new Line.Text(number, line);
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
