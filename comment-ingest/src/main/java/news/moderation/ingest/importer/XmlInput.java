package news.moderation.ingest.importer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the XML archive readers share: a parser that cannot be made to fetch or expand anything, and helpers. */
final class XmlInput {

    private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Pattern SAFE_ID_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.@-]{0,90}");

    private XmlInput() {
    }

    /**
     * The JDK's own StAX parser (not whichever is on the class path) with DTDs and external entities off: an
     * archive is untrusted input, and XXE or entity expansion must not read files or exhaust memory.
     */
    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        var factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // CDATA and text arrive as one string, which is what every field here is.
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in);
    }

    static long line(XMLStreamReader xml) {
        return xml.getLocation().getLineNumber();
    }

    /** A WordPress {@code yyyy-MM-dd HH:mm:ss} in UTC; {@code null} for blanks and for WordPress's zero date. */
    static Instant wordpressUtc(String value) {
        if (value == null || value.isBlank() || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), WORDPRESS_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant isoInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean isTrue(String value) {
        return value != null && (value.trim().equalsIgnoreCase("true") || value.trim().equals("1"));
    }

    /** An http(s) link, or {@code null}: a post's odd link must not cost its comments their import. */
    static String httpUrl(String value) {
        if (value == null) {
            return null;
        }
        var trimmed = value.trim();
        var lower = trimmed.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://")) && trimmed.length() <= 2048
                && trimmed.chars().noneMatch(Character::isWhitespace) ? trimmed : null;
    }

    /**
     * A stable author id: the source's own where it is a safe id, else a hash, so that an e-mail address or a
     * name with spaces never becomes an id and the same person gets the same id on every run.
     */
    static String authorId(String prefix, String identity) {
        if (identity != null && SAFE_ID_PART.matcher(identity).matches() && !identity.contains("@")) {
            return prefix + identity;
        }
        var source = identity == null ? "" : identity.trim().toLowerCase(Locale.ROOT);
        return prefix + "h" + hash(source);
    }

    private static String hash(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE must provide SHA-256", e);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String firstNonBlank(String first, String second) {
        var value = blankToNull(first);
        return value != null ? value : blankToNull(second);
    }

    /** Closes the parser and the stream below it; the stream is closed even when the parser fails to close. */
    static void close(XMLStreamReader xml, java.io.InputStream in) throws java.io.IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream below is closed regardless
        } finally {
            in.close();
        }
    }
}
