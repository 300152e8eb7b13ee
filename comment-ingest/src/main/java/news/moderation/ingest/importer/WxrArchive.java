package news.moderation.ingest.importer;

import news.moderation.ingest.parsing.RawComment;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A WordPress export (WXR): {@code item} elements are posts, each {@code wp:comment} inside one is a comment.
 * The thread is the post ({@code wp-<postId>}); a comment is {@code wp-<postId>-<commentId>} and its
 * {@code wp:comment_parent} becomes the parent link. Spam and trashed comments and pingbacks are skipped.
 * Only the current post's title and link are held, so memory stays flat however large the export.
 */
final class WxrArchive implements ArchiveReader {

    private static final String WP_NAMESPACE_PREFIX = "http://wordpress.org/export/";

    private final InputStream in;
    private final XMLStreamReader xml;
    private final String siteId;
    private final Instant receivedAt;

    private boolean inItem;
    private String postId;
    private String postTitle;
    private String postLink;

    WxrArchive(InputStream in, String siteId, Instant receivedAt) throws ArchiveException {
        this.in = in;
        this.siteId = siteId;
        this.receivedAt = receivedAt;
        try {
            this.xml = XmlInput.open(in);
        } catch (XMLStreamException e) {
            throw new ArchiveException(new Location(1, null), "not readable as XML: " + e.getMessage(), e);
        }
    }

    @Override
    public ArchiveEntry next() throws ArchiveException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    var entry = start();
                    if (entry != null) {
                        return entry;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && isRss("item")) {
                    inItem = false;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new ArchiveException(new Location(XmlInput.line(xml), null),
                    "not well-formed XML, reading stopped: " + e.getMessage(), e);
        }
    }

    private ArchiveEntry start() throws XMLStreamException {
        if (isRss("item")) {
            inItem = true;
            postId = null;
            postTitle = null;
            postLink = null;
            return null;
        }
        if (!inItem) {
            return null;
        }
        if (isRss("title")) {
            postTitle = XmlInput.blankToNull(xml.getElementText());
        } else if (isRss("link")) {
            postLink = XmlInput.httpUrl(xml.getElementText());
        } else if (isWp("post_id")) {
            postId = XmlInput.blankToNull(xml.getElementText());
        } else if (isWp("comment")) {
            return comment();
        }
        return null;
    }

    /** Reads one {@code wp:comment} to its end tag; its fields are text-only elements named {@code comment_*}. */
    private ArchiveEntry comment() throws XMLStreamException {
        long line = XmlInput.line(xml);
        var fields = new HashMap<String, String>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && isWp() && xml.getLocalName().startsWith("comment_")) {
                    fields.put(xml.getLocalName(), xml.getElementText());
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return toEntry(line, fields);
    }

    private ArchiveEntry toEntry(long line, Map<String, String> fields) {
        var sourceId = XmlInput.blankToNull(fields.get("comment_id"));
        var location = new Location(line, "wp:comment " + (sourceId == null ? "(no id)" : sourceId));
        if (sourceId == null) {
            return new ArchiveEntry.Rejected(location, "wp:comment_id: is required");
        }
        var approved = String.valueOf(fields.get("comment_approved")).trim();
        if (approved.equals("spam")) {
            return new ArchiveEntry.Skipped(location, SkipReason.SPAM);
        }
        if (approved.equals("trash") || approved.equals("post-trashed")) {
            return new ArchiveEntry.Skipped(location, SkipReason.DELETED);
        }
        var type = String.valueOf(fields.get("comment_type")).trim();
        if (type.equals("pingback") || type.equals("trackback")) {
            return new ArchiveEntry.Skipped(location, SkipReason.PINGBACK);
        }
        if (postId == null) {
            return new ArchiveEntry.Rejected(location, "wp:post_id: its item has none before its comments");
        }
        var postedAt = XmlInput.wordpressUtc(fields.get("comment_date_gmt"));
        if (postedAt == null) {
            // Drafts carry a zero GMT date; the local date is then the best there is.
            postedAt = XmlInput.wordpressUtc(fields.get("comment_date"));
        }
        if (postedAt == null) {
            return new ArchiveEntry.Rejected(location, "wp:comment_date_gmt: is not a date (yyyy-MM-dd HH:mm:ss)");
        }
        var parent = XmlInput.blankToNull(fields.get("comment_parent"));
        var userId = XmlInput.blankToNull(fields.get("comment_user_id"));
        var authorName = XmlInput.blankToNull(fields.get("comment_author"));
        var authorId = userId != null && !userId.equals("0")
                ? XmlInput.authorId("wp-user-", userId)
                : XmlInput.authorId("wp-guest-", XmlInput.firstNonBlank(fields.get("comment_author_email"), authorName));
        var raw = new RawComment("wp-" + postId + "-" + sourceId, "wp-" + postId, postTitle, postLink,
                parent == null || parent.equals("0") ? null : "wp-" + postId + "-" + parent,
                authorId, authorName == null ? "Anonymous" : authorName, fields.get("comment_content"), postedAt);
        return ArchiveReader.assemble(location, raw, siteId, receivedAt);
    }

    private boolean isRss(String localName) {
        var namespace = xml.getNamespaceURI();
        return (namespace == null || namespace.isEmpty()) && xml.getLocalName().equals(localName);
    }

    private boolean isWp() {
        var namespace = xml.getNamespaceURI();
        return namespace != null && namespace.startsWith(WP_NAMESPACE_PREFIX);
    }

    private boolean isWp(String localName) {
        return isWp() && xml.getLocalName().equals(localName);
    }

    @Override
    public void close() throws IOException {
        XmlInput.close(xml, in);
    }
}
