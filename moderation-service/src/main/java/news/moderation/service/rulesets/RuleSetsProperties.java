package news.moderation.service.rulesets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits of the rule-set API ({@code moderation.rulesets.*}).
 *
 * <pre>{@code
 * moderation.rulesets.backtest-max-sample: 50000
 * }</pre>
 *
 * @param hitsFlushInterval how often per-rule hit counts are added to MongoDB
 */
@ConfigurationProperties("moderation.rulesets")
record RuleSetsProperties(@DefaultValue("1000") int backtestDefaultSample,
                          @DefaultValue("20000") int backtestMaxSample,
                          @DefaultValue("10000") int maxTestChars,
                          @DefaultValue("10s") Duration hitsFlushInterval) {
}
