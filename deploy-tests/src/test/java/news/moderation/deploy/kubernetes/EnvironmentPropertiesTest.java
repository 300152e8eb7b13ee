package news.moderation.deploy.kubernetes;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An environment variable Spring does not recognise is silently ignored: a misspelt one would leave a service
 * on its default (say, plaintext Kafka, or the actuator on the API port). So every variable a Deployment sets
 * must be one the service's application.yml reads by name, or map, by Spring's relaxed binding, to a property
 * that Boot documents or the service's application.yml declares.
 */
class EnvironmentPropertiesTest {

    static final List<String> SERVICES = WiringTest.SERVICES;
    static final Map<ConfigurationPropertyName, String> DOCUMENTED = documentedProperties();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyEnvironmentVariableOfTheDeploymentNamesAPropertyTheServiceHas(String service) {
        var prod = Manifests.overlay(ManifestsTest.ROOT, "prod");
        var container = prod.named(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().get(0);
        var variables = new ArrayList<String>();
        container.getEnvFrom().forEach(from -> variables.addAll(
                prod.named(ConfigMap.class, from.getConfigMapRef().getName()).getData().keySet()));
        container.getEnv().stream().map(EnvVar::getName).forEach(variables::add);
        var yaml = ApplicationYaml.of(ManifestsTest.ROOT, service);
        var declared = new HashMap<>(DOCUMENTED);
        yaml.properties().keySet().forEach(key -> declared.put(ConfigurationPropertyName.of(key), "declared"));

        assertThat(variables).hasSizeGreaterThanOrEqualTo(7).allSatisfy(variable -> {
            if (!yaml.text().contains("${" + variable)) {
                var name = propertyNameOf(variable);
                assertThat(declared.entrySet()).as("%s binds to %s, which %s does not have", variable, name, service)
                        .anySatisfy(known -> assertThat(known.getKey().equals(name)
                                || (known.getValue().startsWith("java.util.Map") && known.getKey().isAncestorOf(name)))
                                .isTrue());
            }
        });
    }

    /** The property Spring binds an environment variable to, e.g. SPRING_KAFKA_SSL_TRUSTSTORETYPE. */
    private static ConfigurationPropertyName propertyNameOf(String variable) {
        var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(variable, "x"));
        var names = new ArrayList<ConfigurationPropertyName>();
        for (var adapted : ConfigurationPropertySources.from(source)) {
            ((IterableConfigurationPropertySource) adapted).stream().forEach(names::add);
        }
        assertThat(names).as(variable).hasSize(1);
        return names.get(0);
    }

    private static Map<ConfigurationPropertyName, String> documentedProperties() {
        var properties = new HashMap<ConfigurationPropertyName, String>();
        var json = JsonMapper.builder().build();
        try {
            for (var file : List.of("META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                var resources = EnvironmentPropertiesTest.class.getClassLoader().getResources(file);
                while (resources.hasMoreElements()) {
                    try (var in = resources.nextElement().openStream()) {
                        for (var property : json.readTree(in).path("properties")) {
                            properties.put(ConfigurationPropertyName.of(property.path("name").asText()),
                                    property.path("type").asText(""));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(properties).containsKey(ConfigurationPropertyName.of("spring.kafka.bootstrap-servers"));
        return properties;
    }
}
