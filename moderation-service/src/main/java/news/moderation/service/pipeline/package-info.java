/**
 * From {@code comments.submitted} to a stored verdict: decode, dead-letter what is not a valid comment,
 * evaluate the rules, store, then publish {@code comments.moderated}. Offsets are committed only after a
 * batch is stored, so a comment accepted is a comment that ends with a verdict.
 */
package news.moderation.service.pipeline;
