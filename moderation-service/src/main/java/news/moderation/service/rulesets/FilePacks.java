package news.moderation.service.rulesets;

import news.moderation.service.rules.RulePack;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packs named by {@code moderation.rules.packs} and {@code extra-packs}: the first version of the
 * global rule set when MongoDB holds none yet. Each file is validated as the engine reads it, so a broken
 * pack stops the service at start-up with {@code file:line}, the rule id and the reason.
 */
@Component
class FilePacks {

    private final RulesProperties properties;
    private final ResourceLoader resources;

    FilePacks(RulesProperties properties, ResourceLoader resources) {
        this.properties = properties;
        this.resources = resources;
    }

    @SuppressWarnings("unchecked")
    RuleSetContent load() {
        var locations = new ArrayList<>(properties.packs());
        locations.addAll(properties.extraPacks());
        var rules = new ArrayList<Map<String, Object>>();
        var allow = new ArrayList<String>();
        var structural = new ArrayList<Map<String, Object>>();
        for (var location : locations) {
            String text;
            try (var in = resources.getResource(location).getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule pack " + location, e);
            }
            RulePack.parse(location, new StringReader(text));
            Map<String, Object> pack = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            rules.addAll((List<Map<String, Object>>) pack.getOrDefault("rules", List.of()));
            allow.addAll((List<String>) pack.getOrDefault("allow", List.of()));
            structural.addAll((List<Map<String, Object>>) pack.getOrDefault("structural", List.of()));
        }
        return new RuleSetContent(rules, allow, structural);
    }
}
