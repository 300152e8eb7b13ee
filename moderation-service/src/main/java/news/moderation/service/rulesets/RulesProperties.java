package news.moderation.service.rulesets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Where the decision thresholds sit, and which rule packs seed the global rule set when MongoDB holds none
 * yet ({@code moderation.rules.*}); after that, rules are changed through the rule-set API.
 *
 * <pre>{@code
 * moderation.rules.packs: classpath:rules/default-en.yml, classpath:rules/default-ru.yml
 * moderation.rules.extra-packs: file:/etc/moderation/site-terms.yml   # added to the defaults
 * moderation.rules.review-at: 2
 * moderation.rules.hide-at: 5
 * }</pre>
 */
@ConfigurationProperties("moderation.rules")
public record RulesProperties(
        @DefaultValue({"classpath:rules/default-en.yml", "classpath:rules/default-ru.yml", "classpath:rules/default-uk.yml"}) List<String> packs,
        @DefaultValue({}) List<String> extraPacks,
        @DefaultValue("2") int reviewAt,
        @DefaultValue("5") int hideAt) {
}
