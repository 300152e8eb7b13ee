/**
 * The rule engine: plain Java, no Spring, Reactor, Kafka or Mongo (an ArchUnit test keeps it so), so it
 * can run in the service, in an offline command and in a benchmark alike.
 *
 * <p>Stages, as in text-moderation engines that explain themselves: split the original text into words
 * keeping their offsets, match terms against the folded words, drop matches an allow phrase covers, and
 * decide from the highest severity. Every {@link news.moderation.service.rules.Match} points into the
 * original text, so a moderator sees exactly the words that were flagged.
 */
package news.moderation.service.rules;
