package news.moderation.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service module's {@code application.yml}, flattened to dotted keys, to hold the manifests to what the
 * service actually reads.
 *
 * <pre>{@code
 * ApplicationYaml.of(root, "comment-ingest").get("server.port");   // 8081
 * }</pre>
 */
record ApplicationYaml(String text, Map<String, Object> properties) {

    static ApplicationYaml of(Path root, String module) {
        var file = root.resolve(module).resolve("src/main/resources/application.yml");
        var properties = new LinkedHashMap<String, Object>();
        flatten("", Kustomization.read(file).get(0), properties);
        try {
            return new ApplicationYaml(java.nio.file.Files.readString(file), properties);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Object get(String key) {
        return properties.get(key);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), into));
        } else if (node.isInt()) {
            into.put(prefix, node.intValue());
        } else {
            into.put(prefix, node.isValueNode() ? node.asText() : node.toString());
        }
    }
}
