package news.moderation.service.rulesets;

import news.moderation.service.rules.RuleEngine;
import news.moderation.service.rules.RulePack;
import news.moderation.service.rules.RulePackException;
import news.moderation.service.rules.Thresholds;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringReader;
import java.util.ArrayList;

/**
 * Builds engines from stored rule sets through the same reader as the pack files, so a stored rule is
 * validated exactly as a file would be ({@link RulePackException} names the rule, the field and the reason).
 */
@Component
class RuleSetCompiler {

    static final String GLOBAL = "global";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Thresholds thresholds;

    RuleSetCompiler(RulesProperties properties) {
        this.thresholds = new Thresholds(properties.reviewAt(), properties.hideAt());
    }

    /** The engine for the global set, or for a site: the global set overridden by the site's set. */
    RuleEngine compile(RuleSetVersion global, RuleSetVersion site) {
        var packs = new ArrayList<RulePack>();
        var globalContent = site == null ? global.content() : global.content().overriddenBy(site.content());
        packs.add(pack(GLOBAL, Long.toString(global.version()), globalContent));
        if (site != null) {
            packs.add(pack(site.rulesetId(), Long.toString(site.version()), site.content().enabledOnly()));
        }
        return RuleEngine.of(packs, thresholds);
    }

    private static RulePack pack(String name, String version, RuleSetContent content) {
        var text = JSON.writeValueAsString(content.asPack(name, version));
        return RulePack.parse(name + "@" + version, new StringReader(text));
    }
}
