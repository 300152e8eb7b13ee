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
 * A Disqus export: {@code thread} elements (the articles) then {@code post} elements (the comments), linked by
 * {@code dsq:id} attributes; a post's {@code parent} is the post it replies to. A comment becomes
 * {@code disqus-<postId>} in thread {@code disqus-<threadId>}. Spam and deleted posts, and posts of deleted
 * threads, are skipped. Memory grows with the number of threads (title and link of each, for the posts that
 * follow), never with the number of posts.
 */
final class DisqusArchive implements ArchiveReader {

    private static final String INTERNALS = "http://disqus.com/disqus-internals";

    private final InputStream in;
    private final XMLStreamReader xml;
    private final String siteId;
    private final Instant receivedAt;
    private final Map<String, Thread> threads = new HashMap<>();
    /** Element depth where the reader stands between calls: the root is 1, threads and posts are 2. */
    private int depth;

    DisqusArchive(InputStream in, String siteId, Instant receivedAt) throws ArchiveException {
        this.in = in;
        this.siteId = siteId;
        this.receivedAt = receivedAt;
        try {
            this.xml = XmlInput.open(in);
        } catch (XMLStreamException e) {
            throw new ArchiveException(new Location(1, null), "not readable as XML: " + e.getMessage(), e);
        }
    }

    private record Thread(String title, String link, boolean deleted) {
    }

    /** A top-level element's direct children: text of leaves, dsq:id of the thread and parent links. */
    private record Element(long line, String id, Map<String, String> children) {

        String text(String name) {
            return children.get(name);
        }
    }

    @Override
    public ArchiveEntry next() throws ArchiveException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.START_ELEMENT && depth++ == 1) {
                    // read() and skipElement() consume the element through its end tag.
                    depth--;
                    var name = xml.getLocalName();
                    if (name.equals("thread")) {
                        remember(read());
                    } else if (name.equals("post")) {
                        return post(read());
                    } else {
                        skipElement();
                    }
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw new ArchiveException(new Location(XmlInput.line(xml), null),
                    "not well-formed XML, reading stopped: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the current top-level element to its end. Leaves are kept by name ({@code author/name} for the
     * author's); {@code thread} and {@code parent} children keep their {@code dsq:id}.
     */
    private Element read() throws XMLStreamException {
        long line = XmlInput.line(xml);
        var id = dsqId();
        var children = new HashMap<String, String>();
        String parentName = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                var name = xml.getLocalName();
                if (depth == 1 && (name.equals("thread") || name.equals("parent"))) {
                    children.put(name, dsqId());
                    depth++;
                } else if (depth == 1 && name.equals("author")) {
                    parentName = "author/";
                    depth++;
                } else if (depth <= 2) {
                    var key = depth == 2 && parentName != null ? parentName + name : name;
                    children.put(key, textOf());
                } else {
                    skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1) {
                    parentName = null;
                }
            }
        }
        return new Element(line, id, children);
    }

    private void remember(Element thread) {
        if (thread.id() != null) {
            threads.put(thread.id(), new Thread(XmlInput.blankToNull(thread.text("title")),
                    XmlInput.httpUrl(thread.text("link")), XmlInput.isTrue(thread.text("isDeleted"))));
        }
    }

    private ArchiveEntry post(Element post) {
        var location = new Location(post.line(), "post " + (post.id() == null ? "(no dsq:id)" : post.id()));
        if (post.id() == null) {
            return new ArchiveEntry.Rejected(location, "dsq:id: is required");
        }
        if (XmlInput.isTrue(post.text("isSpam"))) {
            return new ArchiveEntry.Skipped(location, SkipReason.SPAM);
        }
        var threadId = XmlInput.blankToNull(post.text("thread"));
        var thread = threadId == null ? null : threads.get(threadId);
        if (XmlInput.isTrue(post.text("isDeleted")) || (thread != null && thread.deleted())) {
            return new ArchiveEntry.Skipped(location, SkipReason.DELETED);
        }
        if (threadId == null) {
            return new ArchiveEntry.Rejected(location, "thread: a post needs <thread dsq:id=\"...\"/>");
        }
        var postedAt = XmlInput.isoInstant(post.text("createdAt"));
        if (postedAt == null) {
            return new ArchiveEntry.Rejected(location, "createdAt: is not an ISO-8601 instant");
        }
        var username = XmlInput.blankToNull(post.text("author/username"));
        var name = XmlInput.blankToNull(post.text("author/name"));
        var authorId = username != null
                ? XmlInput.authorId("disqus-user-", username)
                : XmlInput.authorId("disqus-guest-", XmlInput.firstNonBlank(post.text("author/email"), name));
        var parent = XmlInput.blankToNull(post.text("parent"));
        var raw = new RawComment("disqus-" + post.id(), "disqus-" + threadId,
                thread == null ? null : thread.title(), thread == null ? null : thread.link(),
                parent == null ? null : "disqus-" + parent, authorId,
                name != null ? name : username != null ? username : "Anonymous", post.text("message"), postedAt);
        return ArchiveReader.assemble(location, raw, siteId, receivedAt);
    }

    private String dsqId() {
        var id = xml.getAttributeValue(INTERNALS, "id");
        if (id == null) {
            // Hand-edited exports sometimes lose the namespace declaration; the attribute is still dsq:id.
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (xml.getAttributeLocalName(i).equals("id")) {
                    id = xml.getAttributeValue(i);
                }
            }
        }
        return XmlInput.blankToNull(id);
    }

    /** The text of a leaf element; an element with children yields "" after being skipped. */
    private String textOf() throws XMLStreamException {
        var text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (depth == 1) {
                    text.append(xml.getText());
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return text.toString();
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    @Override
    public void close() throws IOException {
        XmlInput.close(xml, in);
    }
}
