package news.moderation.deploy.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KustomizationTest {

    @TempDir
    Path dir;

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              labels: {app: app}
            spec:
              template:
                metadata:
                  labels: {app: app}
                spec:
                  containers:
                    - name: app
                      image: registry.example.com:5000/app:1.0
                      env:
                        - {name: A, value: "1"}
                      args: ["--x"]
                    - name: sidecar
                      image: sidecar:2
            """;

    @Test
    void anOverlayPatchesMergesContainersAndEnvByNameAndReplacesOtherLists() throws IOException {
        write("base/kustomization.yaml", "resources: [app.yaml]\n");
        write("base/app.yaml", DEPLOYMENT);
        write("overlay/kustomization.yaml", """
                namespace: ns
                labels:
                  - pairs: {environment: test}
                resources: [../base]
                images:
                  - {name: registry.example.com:5000/app, newTag: "2.0"}
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - {name: B, value: "2"}
                          args: ["--y"]
                """);

        var app = single(Kustomization.render(dir.resolve("overlay")));

        assertThat(app.at("/metadata/namespace").asText()).isEqualTo("ns");
        assertThat(app.at("/metadata/labels").toString()).isEqualTo("{\"app\":\"app\",\"environment\":\"test\"}");
        assertThat(app.at("/spec/template/metadata/labels").toString()).isEqualTo("{\"app\":\"app\"}");
        var containers = app.at("/spec/template/spec/containers");
        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).path("image").asText()).isEqualTo("registry.example.com:5000/app:2.0");
        assertThat(containers.get(0).path("env").toString())
                .isEqualTo("[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}]");
        assertThat(containers.get(0).path("args").toString()).isEqualTo("[\"--y\"]");
        assertThat(containers.get(1).path("image").asText()).isEqualTo("sidecar:2");
    }

    @Test
    void aTargetedPatchReachesEveryMatchAndAJsonPatchEditsByPath() throws IOException {
        write("k/kustomization.yaml", """
                resources: [app.yaml, other.yaml]
                patches:
                  - path: all.yaml
                    target: {kind: Deployment}
                  - path: json.yaml
                    target: {kind: Deployment, name: other}
                """);
        write("k/app.yaml", DEPLOYMENT);
        write("k/other.yaml", DEPLOYMENT.replace("name: app\n  labels", "name: other\n  labels"));
        write("k/all.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: any}\nspec: {replicas: 2}\n");
        write("k/json.yaml", "- {op: replace, path: /spec/template/spec/containers/1/image, value: sidecar:3}\n"
                + "- {op: remove, path: /metadata/labels/app}\n");

        var rendered = Kustomization.render(dir.resolve("k"));

        assertThat(rendered).allSatisfy(d -> assertThat(d.at("/spec/replicas").asInt()).isEqualTo(2));
        assertThat(rendered.get(0).at("/spec/template/spec/containers/1/image").asText()).isEqualTo("sidecar:2");
        assertThat(rendered.get(1).at("/spec/template/spec/containers/1/image").asText()).isEqualTo("sidecar:3");
        assertThat(rendered.get(1).at("/metadata/labels").size()).isZero();
    }

    @Test
    void customResourcesMergeMapsAndReplaceLists() throws IOException {
        write("k/kustomization.yaml", "resources: [kafka.yaml]\npatches:\n  - path: patch.yaml\n");
        write("k/kafka.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: k}
                spec:
                  kafka:
                    config: {a: 1, b: 2}
                    listeners: [{name: tls, port: 9093}, {name: plain, port: 9092}]
                """);
        write("k/patch.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: k}
                spec:
                  kafka:
                    config: {b: 3}
                    listeners: [{name: tls, port: 9094}]
                """);

        var kafka = single(Kustomization.render(dir.resolve("k")));

        assertThat(kafka.at("/spec/kafka/config").toString()).isEqualTo("{\"a\":1,\"b\":3}");
        assertThat(kafka.at("/spec/kafka/listeners").toString()).isEqualTo("[{\"name\":\"tls\",\"port\":9094}]");
    }

    @Test
    void whatTheRendererDoesNotImplementFailsInsteadOfRenderingWrongly() throws IOException {
        write("a/kustomization.yaml", "resources: [app.yaml]\nnamePrefix: x-\n");
        write("a/app.yaml", DEPLOYMENT);
        write("b/kustomization.yaml", "resources: [app.yaml]\nlabels:\n  - pairs: {a: b}\n    includeSelectors: true\n");
        write("b/app.yaml", DEPLOYMENT);
        write("c/kustomization.yaml", "resources: [app.yaml]\nconfigMapGenerator:\n  - name: x\n    literals: [a=b]\n"
                + "    options: {disableNameSuffixHash: true}\n");
        write("c/app.yaml", DEPLOYMENT);
        write("d/kustomization.yaml", "resources: [app.yaml]\npatches:\n  - path: p.yaml\n");
        write("d/app.yaml", DEPLOYMENT);
        write("d/p.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: missing}\nspec: {replicas: 1}\n");

        for (var overlay : List.of("a", "b", "c")) {
            assertThatThrownBy(() -> Kustomization.render(dir.resolve(overlay)))
                    .as(overlay).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThatThrownBy(() -> Kustomization.render(dir.resolve("d"))).hasMessageContaining("no resource matches");
    }

    private static ObjectNode single(List<ObjectNode> rendered) {
        assertThat(rendered).hasSize(1);
        return rendered.get(0);
    }

    private void write(String path, String content) throws IOException {
        var file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
