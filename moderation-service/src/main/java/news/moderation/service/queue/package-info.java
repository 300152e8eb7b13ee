/** The moderators' API: the pending queue and decisions on single comments. */
package news.moderation.service.queue;
