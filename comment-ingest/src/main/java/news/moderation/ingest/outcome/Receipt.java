package news.moderation.ingest.outcome;

/** The 202 body: the site's own id back, so that it can match the answer to what it sent. */
record Receipt(String commentId, String status) {

    static final String ACCEPTED = "ACCEPTED";
}
