package news.moderation.deploy.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An overlay of {@code k8s/} rendered and parsed: built-in kinds into their typed fabric8 classes
 * ({@code Deployment}, {@code Service}, …), custom resources (Strimzi, Prometheus Operator, MongoDB) into
 * {@link GenericKubernetesResource}.
 *
 * <pre>{@code
 * var prod = Manifests.overlay(root, "prod");
 * Deployment moderation = prod.named(Deployment.class, "moderation-service");
 * List<GenericKubernetesResource> topics = prod.custom("KafkaTopic");
 * }</pre>
 */
public record Manifests(String name, List<ObjectNode> documents, List<HasMetadata> resources) {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    public static final List<String> OVERLAYS = List.of("dev", "prod");

    public static Path k8s(Path root) {
        return root.resolve("k8s");
    }

    public static Manifests overlay(Path root, String overlay) {
        return of(overlay, Kustomization.render(k8s(root).resolve("overlays").resolve(overlay)));
    }

    static Manifests base(Path root) {
        return of("base", Kustomization.render(k8s(root).resolve("base")));
    }

    static Manifests of(String name, List<ObjectNode> documents) {
        return new Manifests(name, documents, documents.stream().map(Manifests::parse).toList());
    }

    static HasMetadata parse(ObjectNode document) {
        return SERIALIZATION.convertValue(document, HasMetadata.class);
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> T named(Class<T> type, String resourceName) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + type.getSimpleName() + " " + resourceName));
    }

    public List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    public GenericKubernetesResource custom(String kind, String resourceName) {
        return custom(kind).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + kind + " " + resourceName));
    }

    public Stream<HasMetadata> stream() {
        return resources.stream();
    }

    @Override
    public String toString() {
        return name;
    }
}
