package news.moderation.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization directory as {@code kustomize build} would, for the subset of kustomize that
 * {@code k8s/} uses, so that every overlay is rendered and checked on a machine without the kustomize
 * binary. Where {@code kubectl} is installed, {@code KustomizeAgreementTest} checks that both agree.
 *
 * <p>Supported, and nothing else (anything else fails the render, so the restriction cannot be broken
 * by accident):
 * <ul>
 *   <li>{@code resources}: files (several documents each) and directories holding a kustomization</li>
 *   <li>{@code configMapGenerator}: {@code files} only, with {@code options.disableNameSuffixHash: true} and
 *       optional {@code options.labels}</li>
 *   <li>{@code patches} from {@code path}, optionally with a {@code target} by {@code kind} and/or
 *       {@code name}: a strategic-merge patch (maps merge; {@code containers}, {@code initContainers},
 *       {@code env}, {@code volumes} and {@code imagePullSecrets} merge by {@code name}, {@code volumeMounts}
 *       by {@code mountPath}, container {@code ports} by {@code containerPort}; other lists, and every list of
 *       a custom resource, are replaced) or a JSON patch ({@code add}, {@code replace}, {@code remove})</li>
 *   <li>{@code namespace} (every resource here is namespaced)</li>
 *   <li>{@code labels} with {@code pairs} only: added to {@code metadata.labels}, never to selectors or templates</li>
 *   <li>{@code images}: {@code newName}, {@code newTag}, {@code digest} for {@code containers} and
 *       {@code initContainers} of pod templates</li>
 * </ul>
 *
 * <pre>{@code
 * List<ObjectNode> resources = Kustomization.render(Path.of("k8s/overlays/prod"));
 * }</pre>
 */
final class Kustomization {

    static final YAMLMapper YAML = new YAMLMapper();

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "configMapGenerator",
            "patches", "namespace", "labels", "images");
    /** Fields whose lists merge item by item, and the key that pairs items up, for built-in kinds. */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "imagePullSecrets", "name", "volumeMounts", "mountPath",
            "ports", "containerPort");
    /** Lists with a merge key in the Kubernetes schema that this renderer does not implement. */
    private static final Set<String> UNSUPPORTED_LISTS = Set.of("topologySpreadConstraints", "hostAliases",
            "tolerations", "conditions", "resourceClaims");

    private Kustomization() {
    }

    static List<ObjectNode> render(Path directory) {
        var file = directory.resolve("kustomization.yaml");
        var kustomization = (ObjectNode) read(file).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new UnsupportedOperationException(file + ": '" + field + "' is not supported by this renderer");
            }
        });
        var resources = new ArrayList<ObjectNode>();
        for (var entry : kustomization.path("resources")) {
            var path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                read(path).forEach(doc -> resources.add((ObjectNode) doc));
            }
        }
        for (var generator : kustomization.path("configMapGenerator")) {
            resources.add(configMap(directory, (ObjectNode) generator));
        }
        for (var patch : kustomization.path("patches")) {
            applyPatch(directory, (ObjectNode) patch, resources);
        }
        if (kustomization.has("namespace")) {
            var namespace = kustomization.get("namespace").asText();
            resources.forEach(r -> ((ObjectNode) r.get("metadata")).put("namespace", namespace));
        }
        for (var labels : kustomization.path("labels")) {
            labels.fieldNames().forEachRemaining(field -> {
                if (!field.equals("pairs")) {
                    throw new UnsupportedOperationException(file + ": labels." + field + " is not supported");
                }
            });
            resources.forEach(r -> {
                var metadata = (ObjectNode) r.get("metadata");
                var existing = metadata.has("labels") ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
                labels.get("pairs").fields().forEachRemaining(e -> existing.set(e.getKey(), e.getValue().deepCopy()));
            });
        }
        for (var image : kustomization.path("images")) {
            resources.forEach(r -> retag(r.path("spec").path("template").path("spec"), image));
        }
        return resources;
    }

    static List<JsonNode> read(Path file) {
        try (var parser = YAML.createParser(file.toFile())) {
            var docs = new ArrayList<JsonNode>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            });
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ObjectNode configMap(Path directory, ObjectNode generator) {
        var options = generator.path("options");
        if (!options.path("disableNameSuffixHash").asBoolean(false)) {
            throw new UnsupportedOperationException("configMapGenerator " + generator.path("name")
                    + ": only disableNameSuffixHash: true is supported (no content hashes)");
        }
        generator.fieldNames().forEachRemaining(field -> {
            if (!Set.of("name", "files", "options").contains(field)) {
                throw new UnsupportedOperationException("configMapGenerator." + field + " is not supported");
            }
        });
        var map = JsonNodeFactory.instance.objectNode();
        map.put("apiVersion", "v1").put("kind", "ConfigMap");
        var metadata = map.putObject("metadata").put("name", generator.get("name").asText());
        if (options.has("labels")) {
            metadata.set("labels", options.get("labels").deepCopy());
        }
        var data = map.putObject("data");
        for (var entry : generator.path("files")) {
            var path = directory.resolve(entry.asText());
            try {
                data.put(path.getFileName().toString(), Files.readString(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return map;
    }

    private static void applyPatch(Path directory, ObjectNode entry, List<ObjectNode> resources) {
        if (!entry.has("path") || entry.has("patch") || entry.has("options")) {
            throw new UnsupportedOperationException("patches: only 'path' (with an optional 'target') is supported");
        }
        var file = directory.resolve(entry.get("path").asText());
        var target = entry.path("target");
        target.fieldNames().forEachRemaining(field -> {
            if (!field.equals("kind") && !field.equals("name")) {
                throw new UnsupportedOperationException(file + ": target." + field + " is not supported");
            }
        });
        for (var patch : read(file)) {
            var kind = target.has("kind") ? target.get("kind").asText() : patch.path("kind").asText(null);
            var name = target.has("name") ? target.get("name").asText()
                    : entry.has("target") ? null : patch.path("metadata").path("name").asText(null);
            if (kind == null) {
                throw new IllegalArgumentException(file + ": a JSON patch needs a target");
            }
            var matched = resources.stream()
                    .filter(r -> r.path("kind").asText().equals(kind))
                    .filter(r -> name == null || r.path("metadata").path("name").asText().equals(name))
                    .toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(file + ": no resource matches kind " + kind + ", name " + name);
            }
            for (var resource : matched) {
                if (patch.isArray()) {
                    JsonPatch.apply(resource, (ArrayNode) patch, file);
                } else {
                    var builtIn = !resource.path("apiVersion").asText().contains(".")
                            || resource.path("apiVersion").asText().contains(".k8s.io/");
                    var body = ((ObjectNode) patch).deepCopy();
                    // with a target the patch's own name is a placeholder: kustomize merges it into each match
                    ((ObjectNode) body.get("metadata")).put("name", resource.path("metadata").path("name").asText());
                    merge(resource, body, builtIn, file);
                }
            }
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean builtIn, Path file) {
        patch.fields().forEachRemaining(e -> {
            var field = e.getKey();
            var value = e.getValue();
            var current = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, builtIn, file);
            } else if (value.isArray() && current != null && current.isArray() && builtIn) {
                if (UNSUPPORTED_LISTS.contains(field)) {
                    throw new UnsupportedOperationException(file + ": merging '" + field + "' is not supported");
                }
                var key = MERGE_KEYS.get(field);
                target.set(field, key == null ? value.deepCopy() : mergeByKey((ArrayNode) current, (ArrayNode) value,
                        key, builtIn, file));
            } else {
                target.set(field, value.deepCopy());
            }
        });
    }

    private static ArrayNode mergeByKey(ArrayNode current, ArrayNode patch, String key, boolean builtIn, Path file) {
        var merged = current.deepCopy();
        for (var item : patch) {
            var match = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i).path(key).equals(item.path(key))) {
                    match = i;
                }
            }
            if (match < 0) {
                merged.add(item.deepCopy());
            } else {
                merge((ObjectNode) merged.get(match), (ObjectNode) item, builtIn, file);
            }
        }
        return merged;
    }

    private static void retag(JsonNode podSpec, JsonNode image) {
        for (var list : List.of("containers", "initContainers")) {
            for (var container : podSpec.path(list)) {
                var reference = container.path("image").asText();
                if (imageName(reference).equals(image.get("name").asText())) {
                    var name = image.has("newName") ? image.get("newName").asText() : imageName(reference);
                    var result = image.has("digest") ? name + "@" + image.get("digest").asText()
                            : image.has("newTag") ? name + ":" + image.get("newTag").asText()
                            : name + reference.substring(imageName(reference).length());
                    ((ObjectNode) container).put("image", result);
                }
            }
        }
    }

    /** The image without its tag or digest; a registry's port is not a tag. */
    private static String imageName(String reference) {
        var at = reference.indexOf('@');
        var withoutDigest = at < 0 ? reference : reference.substring(0, at);
        var colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
