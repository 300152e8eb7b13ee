package news.moderation.ingest.importer;

/**
 * Where in an archive an entry came from, as a person would look it up: a line, and for XML the element.
 *
 * @param element e.g. {@code wp:comment 5} or {@code post 4417}; {@code null} for JSONL
 */
record Location(long line, String element) {

    @Override
    public String toString() {
        return element == null ? "line " + line : "line " + line + ", " + element;
    }
}
