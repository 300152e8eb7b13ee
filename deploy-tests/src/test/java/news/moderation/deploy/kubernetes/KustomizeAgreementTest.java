package news.moderation.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where kustomize itself is at hand ({@code kubectl kustomize}, or a {@code kustomize} binary), the renderer
 * the other tests use must produce exactly what it produces. Skipped, saying so, on machines without either.
 */
class KustomizeAgreementTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRendererAgreesWithKustomize(String overlay) throws Exception {
        var command = kustomize();
        assumeTrue(command.isPresent(), "neither kubectl nor kustomize is on the PATH");
        var directory = Manifests.k8s(ManifestsTest.ROOT).resolve("overlays").resolve(overlay);

        var theirs = byId(run(command.get(), directory));
        var ours = byId(Kustomization.render(directory));

        assertThat(ours.keySet()).containsExactlyElementsOf(theirs.keySet());
        ours.forEach((id, resource) -> assertThat(resource).as(id).isEqualTo(theirs.get(id)));
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> resources) {
        var byId = new TreeMap<String, JsonNode>();
        resources.forEach(r -> byId.put(r.path("apiVersion").asText() + " " + r.path("kind").asText() + " "
                + r.path("metadata").path("namespace").asText() + "/" + r.path("metadata").path("name").asText(), r));
        return byId;
    }

    private static Optional<List<String>> kustomize() {
        var path = System.getenv().getOrDefault("PATH", "");
        for (var dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "kustomize"))) {
                return Optional.of(List.of(Path.of(dir, "kustomize").toString(), "build"));
            }
            if (Files.isExecutable(Path.of(dir, "kubectl"))) {
                return Optional.of(List.of(Path.of(dir, "kubectl").toString(), "kustomize"));
            }
        }
        return Optional.empty();
    }

    private static List<ObjectNode> run(List<String> command, Path directory) throws IOException, InterruptedException {
        var output = Files.createTempFile("kustomize-", ".yaml");
        try {
            var process = new ProcessBuilder(Stream.concat(command.stream(), Stream.of(directory.toString())).toList())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kustomize finished").isTrue();
            assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(),
                    StandardCharsets.UTF_8)).isZero();
            var resources = new ArrayList<ObjectNode>();
            Kustomization.read(output).forEach(doc -> resources.add((ObjectNode) doc));
            return resources;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
