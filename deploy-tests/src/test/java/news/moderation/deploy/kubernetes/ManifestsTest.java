package news.moderation.deploy.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every manifest is a Kubernetes object of a kind the cluster knows, spelled as its schema spells it. */
class ManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    /** The operators' kinds this project uses; anything else unknown to fabric8 is a typo in a built-in kind. */
    static final Set<String> CUSTOM_KINDS = Set.of(
            "kafka.strimzi.io/v1beta2 Kafka", "kafka.strimzi.io/v1beta2 KafkaNodePool",
            "kafka.strimzi.io/v1beta2 KafkaTopic", "kafka.strimzi.io/v1beta2 KafkaUser",
            "monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com/v1 PrometheusRule",
            "mongodbcommunity.mongodb.com/v1 MongoDBCommunity");

    @Test
    void everyBaseFileParsesIntoTypedObjectsWithNoFieldTheSchemaLacks() throws IOException {
        List<Path> files;
        try (var walk = Files.walk(Manifests.k8s(ROOT).resolve("base"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml")).sorted().toList();
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        for (var file : files) {
            for (var document : Kustomization.read(file)) {
                assertWellFormed(Manifests.parse((ObjectNode) document), file.toString());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyOverlayRendersIntoTypedObjectsInItsOwnNamespace(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);

        manifests.stream().forEach(resource -> assertWellFormed(resource, overlay));
        assertThat(manifests.stream().map(r -> r.getMetadata().getNamespace()).distinct())
                .containsExactly(overlay.equals("prod") ? "comment-moderation" : "comment-moderation-dev");
        assertThat(manifests.stream().map(r -> r.getMetadata().getLabels().get("environment")).distinct())
                .containsExactly(overlay);
        assertThat(manifests.stream().map(HasMetadata::getKind).distinct()).contains("Deployment", "Service",
                "ConfigMap", "Secret", "ServiceAccount", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "NetworkPolicy", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "MongoDBCommunity",
                "ServiceMonitor", "PrometheusRule");
    }

    @Test
    void noTwoResourcesShareAKindAndName() {
        for (var overlay : OVERLAYS) {
            var ids = Manifests.overlay(ROOT, overlay).stream()
                    .map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList();

            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    void aMisspeltFieldIsCaughtAndAValueOfTheWrongTypeRefused() {
        var misspelt = deployment(Map.of("name", "x", "image", "x", "livenesProbe", Map.of()));
        var wrongType = deployment(Map.of("name", "y", "image", "y", "ports", List.of(Map.of("containerPort", "http"))));

        assertThat(unknownFields(Manifests.parse(misspelt), "Deployment"))
                .singleElement().satisfies(f -> assertThat(f).contains("containers[0]").contains("livenesProbe"));
        assertThatThrownBy(() -> Manifests.parse(wrongType)).hasMessageContaining("Integer");
    }

    private static void assertWellFormed(HasMetadata resource, String where) {
        var id = where + ": " + resource.getApiVersion() + " " + resource.getKind() + " " + resource.getMetadata().getName();
        if (resource instanceof GenericKubernetesResource) {
            assertThat(CUSTOM_KINDS).as("%s is not a kind fabric8 knows, nor an operator's", id)
                    .contains(resource.getApiVersion() + " " + resource.getKind());
            assertThat(((GenericKubernetesResource) resource).getAdditionalProperties()).as(id).containsKey("spec");
        } else {
            assertThat(unknownFields(resource, resource.getKind())).as("fields %s's schema lacks", id).isEmpty();
        }
        assertThat(resource.getMetadata().getName()).as(id).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    }

    /**
     * fabric8 keeps what it cannot place (an unknown field, or a value of the wrong type) in each object's
     * additional properties instead of failing; any found there is a misspelt or misplaced field.
     */
    static List<String> unknownFields(Object object, String path) {
        var found = new ArrayList<String>();
        walk(object, path, found, 0);
        return found;
    }

    private static void walk(Object object, String path, List<String> found, int depth) {
        if (object == null || depth > 40) {
            return;
        }
        if (object instanceof Collection<?> items) {
            int i = 0;
            for (var item : items) {
                walk(item, path + "[" + i++ + "]", found, depth + 1);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, found, depth + 1));
            return;
        }
        if (!object.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": " + extra.keySet());
                }
            } else {
                walk(value, path + "." + property(getter), found, depth + 1);
            }
        }
    }

    private static String property(Method getter) {
        var name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static ObjectNode deployment(Map<String, Object> container) {
        return Kustomization.YAML.valueToTree(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(container))))));
    }
}
