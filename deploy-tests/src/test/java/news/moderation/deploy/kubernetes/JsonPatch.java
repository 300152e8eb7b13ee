package news.moderation.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** RFC 6902 {@code add}, {@code replace} and {@code remove}, as kustomize applies a JSON patch file. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode document, ArrayNode operations, Path file) {
        for (var operation : operations) {
            var op = operation.path("op").asText();
            var path = pointer(operation.path("path").asText());
            var parent = walk(document, path.subList(0, path.size() - 1), file);
            var last = path.get(path.size() - 1);
            switch (op) {
                case "add", "replace" -> {
                    var value = operation.get("value").deepCopy();
                    if (parent instanceof ArrayNode array) {
                        if (last.equals("-")) {
                            array.add(value);
                        } else if (op.equals("add")) {
                            array.insert(index(array, last, true, file), value);
                        } else {
                            array.set(index(array, last, false, file), value);
                        }
                    } else {
                        if (op.equals("replace") && !parent.has(last)) {
                            throw new IllegalArgumentException(file + ": nothing to replace at " + operation.get("path"));
                        }
                        ((ObjectNode) parent).set(last, value);
                    }
                }
                case "remove" -> {
                    if (parent instanceof ArrayNode array) {
                        array.remove(index(array, last, false, file));
                    } else if (((ObjectNode) parent).remove(last) == null) {
                        throw new IllegalArgumentException(file + ": nothing to remove at " + operation.get("path"));
                    }
                }
                default -> throw new UnsupportedOperationException(file + ": JSON patch op '" + op + "'");
            }
        }
    }

    private static List<String> pointer(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON pointer: " + path);
        }
        var parts = new ArrayList<String>();
        for (var part : path.substring(1).split("/", -1)) {
            parts.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return parts;
    }

    private static JsonNode walk(JsonNode node, List<String> path, Path file) {
        var current = node;
        for (var part : path) {
            current = current.isArray() ? current.get(index((ArrayNode) current, part, false, file)) : current.get(part);
            if (current == null) {
                throw new IllegalArgumentException(file + ": no " + part + " in " + String.join("/", path));
            }
        }
        return current;
    }

    private static int index(ArrayNode array, String part, boolean mayAppend, Path file) {
        int index = Integer.parseInt(part);
        if (index < 0 || index > array.size() || (index == array.size() && !mayAppend)) {
            throw new IllegalArgumentException(file + ": index " + index + " outside a list of " + array.size());
        }
        return index;
    }
}
