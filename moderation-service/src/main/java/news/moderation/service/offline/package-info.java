/**
 * Offline commands run straight from the service jar without starting Spring:
 * {@code moderate} (comment JSONL in, verdict JSONL out) and {@code evaluate} (the default packs measured
 * against the shared seed corpus and labelled datasets). Only the rule engine and the shared contract's
 * limits are used, so the commands start in a fraction of a second.
 */
package news.moderation.service.offline;
