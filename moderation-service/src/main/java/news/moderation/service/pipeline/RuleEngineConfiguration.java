package news.moderation.service.pipeline;

import news.moderation.service.rules.RuleEngine;
import news.moderation.service.rules.RulePack;
import news.moderation.service.rules.Thresholds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/** Loads the configured packs at start-up; a pack that does not validate stops the service. */
@Configuration(proxyBeanMethods = false)
class RuleEngineConfiguration {

    @Bean
    RuleEngine ruleEngine(RulesProperties properties, ResourceLoader resources) {
        var packs = new ArrayList<RulePack>();
        var locations = new ArrayList<>(properties.packs());
        locations.addAll(properties.extraPacks());
        for (var location : locations) {
            var resource = resources.getResource(location);
            try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                packs.add(RulePack.parse(location, reader));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule pack " + location, e);
            }
        }
        return RuleEngine.of(packs, new Thresholds(properties.reviewAt(), properties.hideAt()));
    }
}
