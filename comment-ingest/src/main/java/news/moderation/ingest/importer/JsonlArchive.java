package news.moderation.ingest.importer;

import news.moderation.ingest.parsing.CommentBodyParser;
import news.moderation.ingest.parsing.LineSplitter;
import news.moderation.ingest.parsing.ParsedComment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One comment per line in the fields of the HTTP API (commentId, threadId, threadTitle, threadUrl, parentId,
 * authorId, authorName, text, postedAt); a dump of {@code comments.submitted} works too, as the fields the
 * server sets (eventId, receivedAt, schemaVersion) are ignored here.
 */
final class JsonlArchive implements ArchiveReader {

    /** Generous: the text limit is checked on the parsed comment, with a better message than "line too long". */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final String siteId;
    private final Instant receivedAt;
    private final LineSplitter splitter = new LineSplitter(MAX_LINE_BYTES);
    private final Deque<LineSplitter.Line> ready = new ArrayDeque<>();
    private final byte[] chunk = new byte[64 * 1024];
    private boolean ended;

    JsonlArchive(InputStream in, String siteId, Instant receivedAt) {
        this.in = in;
        this.siteId = siteId;
        this.receivedAt = receivedAt;
    }

    @Override
    public ArchiveEntry next() throws IOException {
        while (ready.isEmpty() && !ended) {
            int read = in.read(chunk);
            if (read < 0) {
                ended = true;
                ready.addAll(splitter.finish());
            } else {
                ready.addAll(splitter.feed(chunk, 0, read));
            }
        }
        var line = ready.poll();
        if (line == null) {
            return null;
        }
        var location = new Location(line.number(), null);
        if (line instanceof LineSplitter.Line.TooLong tooLong) {
            return new ArchiveEntry.Rejected(location, "line has " + tooLong.length() + " bytes; at most "
                    + MAX_LINE_BYTES + " are read");
        }
        var parsed = CommentBodyParser.parse(((LineSplitter.Line.Text) line).bytes(), siteId, EVENT_IDS, receivedAt,
                CommentBodyParser.ServerFields.IGNORE);
        if (parsed instanceof ParsedComment.Valid valid) {
            return new ArchiveEntry.Comment(location, valid.event());
        }
        return new ArchiveEntry.Rejected(location, ArchiveReader.describe((ParsedComment.Rejected) parsed));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
