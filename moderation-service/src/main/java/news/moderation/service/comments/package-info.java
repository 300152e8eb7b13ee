/**
 * Stored comments and their verdicts. MongoDB holds one document per {@code commentId} in
 * {@code comments} (the source of truth, with history and an outbox of unpublished events) and a small
 * {@code review_queue} collection of the pending ones only, so the moderators' hot query stays on a small
 * working set. Without multi-document transactions the queue is derived state: every write re-derives it
 * from the comment and checks again afterwards, so a race leaves no stale entry behind.
 */
package news.moderation.service.comments;
