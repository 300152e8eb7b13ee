/**
 * The event contracts exchanged over Kafka between comment-ingest, moderation-service and the sites.
 *
 * <p>Plain Java on purpose: a site that produces straight onto the topic, or a test, needs nothing but
 * these records and Jackson. Both sides validate with {@link news.moderation.contract.CommentLimits} so
 * that what ingest accepts the consumer accepts too.
 */
package news.moderation.contract;
