package news.moderation.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered overlays fit together: every selector, port name, reference and number points at something real. */
class WiringTest {

    static final Path ROOT = ManifestsTest.ROOT;
    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    static final List<String> SERVICES = List.of("moderation-service", "comment-ingest");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesSelectOneDeploymentsPodsAndTargetPortsItsContainersName(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);

        assertThat(manifests.all(Service.class)).hasSize(2).allSatisfy(service -> {
            var selected = podsSelectedBy(manifests, service.getSpec().getSelector());
            assertThat(selected).as("Deployments selected by Service %s", service.getMetadata().getName()).hasSize(1);
            var portNames = containerPortNames(selected.get(0));
            assertThat(service.getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal())
                    .as("target ports of %s", service.getMetadata().getName())
                    .containsExactlyInAnyOrder("http", "management").allSatisfy(n -> assertThat(portNames).contains(n));
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesAskTheManagementPortForTheHealthGroupsOnThePortsTheServicesListenOn(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);

        for (var name : SERVICES) {
            var deployment = manifests.named(Deployment.class, name);
            var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                    .map(p -> p.getHttpGet().getPort().getStrVal())).containsOnly("management");

            var config = manifests.named(ConfigMap.class, container.getEnvFrom().get(0).getConfigMapRef().getName());
            assertThat(port(container, "management")).as("%s's management port", name)
                    .isEqualTo(Integer.parseInt(config.getData().get("MANAGEMENT_SERVER_PORT")));
            assertThat(port(container, "http")).as("%s's server.port in application.yml", name)
                    .isEqualTo(ApplicationYaml.of(ROOT, name).get("server.port"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithTmpOnAnEmptyDir(String overlay) {
        for (var deployment : Manifests.overlay(ROOT, overlay).all(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (var container : pod.getContainers()) {
                var security = container.getSecurityContext();
                assertThat(security.getReadOnlyRootFilesystem()).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).isFalse();
                assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
                var tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst().orElseThrow();
                assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(tmp.getName()))
                        .singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerRequestsCpuAndMemoryAndMayNotOutgrowItsMemory(String overlay) {
        for (var deployment : Manifests.overlay(ROOT, overlay).all(Deployment.class)) {
            for (var container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                var resources = container.getResources();
                assertThat(resources.getRequests()).containsKeys("cpu", "memory");
                assertThat(resources.getLimits()).containsKeys("cpu", "memory");
                // the heap is a share of the limit (JAVA_TOOL_OPTIONS): a request below it would invite eviction
                assertThat(resources.getLimits().get("memory")).isEqualTo(resources.getRequests().get("memory"));
            }
            assertThat(deployment.getSpec().getReplicas()).as("the autoscaler owns the replica count").isNull();
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServiceMonitorScrapesThePrometheusEndpointOnAPortBothServicesExpose(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);
        var monitor = manifests.custom("ServiceMonitor").get(0);
        List<Map<String, Object>> expressions = monitor.get("spec", "selector", "matchExpressions");
        String jobLabel = monitor.get("spec", "jobLabel");

        var selected = manifests.all(Service.class).stream()
                .filter(s -> expressions.stream().allMatch(e -> e.get("operator").equals("In")
                        && ((List<String>) e.get("values")).contains(s.getMetadata().getLabels().get((String) e.get("key")))))
                .toList();
        assertThat(selected).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(selected).allSatisfy(s -> assertThat(s.getMetadata().getLabels().get(jobLabel))
                .as("job label of %s, which the alerts' up{job=...} name", s.getMetadata().getName())
                .isEqualTo(s.getMetadata().getName()));
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertThat(endpoints).singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("path", "/actuator/prometheus");
            assertThat(selected).allSatisfy(s -> assertThat(s.getSpec().getPorts()).extracting(ServicePort::getName)
                    .contains((String) endpoint.get("port")));
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void autoscalersTargetDeploymentsThatExistAndNeverOutnumberThePartitions(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);
        int partitions = partitions(manifests, "comments.submitted");

        assertThat(manifests.all(HorizontalPodAutoscaler.class)).hasSize(2).allSatisfy(hpa -> {
            var target = hpa.getSpec().getScaleTargetRef();
            assertThat(target.getApiVersion()).isEqualTo("apps/v1");
            assertThat(target.getKind()).isEqualTo("Deployment");
            assertThat(manifests.named(Deployment.class, target.getName())).isNotNull();
            assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(hpa.getSpec().getMetrics()).anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        });
        assertThat(manifests.named(HorizontalPodAutoscaler.class, "moderation-service").getSpec().getMaxReplicas())
                .as("instances beyond the partitions of comments.submitted would idle").isLessThanOrEqualTo(partitions);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServicesAreToldThePartitionsAndReplicasTheTopicsHave(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);
        var config = manifests.named(ConfigMap.class, "moderation-service").getData();
        var topic = topic(manifests, "comments.submitted");

        assertThat(Integer.parseInt(config.get("MODERATION_TOPICS_PARTITIONS"))).isEqualTo(partitions(manifests, "comments.submitted"));
        assertThat(Integer.parseInt(config.get("MODERATION_TOPICS_REPLICAS"))).isEqualTo((Integer) topic.get("spec", "replicas"));
        assertThat(config).containsEntry("SPRING_KAFKA_ADMIN_AUTOCREATE", "false");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodIsCoveredByADisruptionBudget(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);
        var budgets = manifests.all(PodDisruptionBudget.class);
        var mongoPods = Map.of("app", manifests.custom("MongoDBCommunity").get(0).getMetadata().getName() + "-svc");

        for (var deployment : manifests.all(Deployment.class)) {
            var labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(budgets).as("budgets covering %s", deployment.getMetadata().getName())
                    .filteredOn(b -> selects(b.getSpec().getSelector().getMatchLabels(), labels)).hasSize(1);
        }
        assertThat(budgets).filteredOn(b -> selects(b.getSpec().getSelector().getMatchLabels(), mongoPods)).hasSize(1);
        assertThat(budgets).allSatisfy(b -> assertThat(b.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void networkPoliciesSelectEachServicesPodsAndAdmitOnlyThePeersThatMustTalk(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);
        var kafka = manifests.custom("Kafka").get(0);
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        var kafkaPorts = listeners.stream().map(l -> (Integer) l.get("port")).collect(Collectors.toSet());
        var mongoApp = manifests.custom("MongoDBCommunity").get(0).getMetadata().getName() + "-svc";

        for (var deployment : manifests.all(Deployment.class)) {
            var name = deployment.getMetadata().getName();
            var labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            var policies = manifests.all(NetworkPolicy.class).stream()
                    .filter(p -> selects(p.getSpec().getPodSelector().getMatchLabels(), labels)).toList();
            assertThat(policies).as("policies selecting %s", name).hasSize(1);
            var policy = policies.get(0).getSpec();
            assertThat(policy.getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");

            var portNames = containerPortNames(deployment);
            // in: the ingress controller to the API port, Prometheus to the management port, nobody else
            assertThat(policy.getIngress()).extracting(rule -> rule.getPorts().get(0).getPort().getStrVal())
                    .containsExactlyInAnyOrder("http", "management").allSatisfy(p -> assertThat(portNames).contains(p));
            assertThat(policy.getIngress()).allSatisfy(rule -> assertThat(rule.getFrom()).singleElement()
                    .satisfies(peer -> {
                        assertThat(peer.getNamespaceSelector().getMatchLabels()).containsKey("kubernetes.io/metadata.name");
                        assertThat(peer.getPodSelector().getMatchLabels()).isNotEmpty();
                    }));

            // out: Kafka's listener, MongoDB for moderation-service only, DNS, and HTTPS for single sign-on
            var egress = new HashMap<String, Set<Integer>>();
            for (var rule : policy.getEgress()) {
                var ports = rule.getPorts().stream().map(NetworkPolicyPort::getPort).map(IntOrString::getIntVal)
                        .collect(Collectors.toSet());
                for (var peer : rule.getTo()) {
                    egress.merge(describe(peer), ports, (a, b) -> { a.addAll(b); return a; });
                }
            }
            var expected = new HashMap<String, Set<Integer>>();
            expected.put("pods strimzi.io/cluster=" + kafka.getMetadata().getName(), kafkaPorts);
            expected.put("kube-dns", Set.of(53));
            if (name.equals("moderation-service")) {
                expected.put("pods app=" + mongoApp, Set.of(27017));
                expected.put("outside the cluster", Set.of(443));
            }
            assertThat(egress).as("egress of %s", name).isEqualTo(expected);
        }
        List<Map<String, Object>> peers = (List<Map<String, Object>>) listeners.get(0).get("networkPolicyPeers");
        assertThat(manifests.all(Deployment.class)).allSatisfy(d -> assertThat(peers).anySatisfy(peer ->
                assertThat(selects(GenericKubernetesResource.get(peer, "podSelector", "matchLabels"),
                        d.getSpec().getTemplate().getMetadata().getLabels())).isTrue()));
    }

    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "outside the cluster";
        }
        var pods = peer.getPodSelector().getMatchLabels();
        if (peer.getNamespaceSelector() != null) {
            return pods.getOrDefault("k8s-app", "?");
        }
        if (pods.containsKey("strimzi.io/cluster")) {
            return "pods strimzi.io/cluster=" + pods.get("strimzi.io/cluster");
        }
        return "pods app=" + pods.get("app");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressRoutesOnlyToApiPortsOfServicesThatExist(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);
        var ingress = manifests.all(Ingress.class).get(0);

        var backends = ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
                .map(p -> p.getBackend().getService()).toList();
        assertThat(backends).extracting(b -> b.getName()).containsAll(SERVICES);
        assertThat(backends).allSatisfy(b -> {
            var service = manifests.named(Service.class, b.getName());
            assertThat(b.getPort().getName()).isEqualTo("http");
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).contains(b.getPort().getName());
        });
        var hosts = ingress.getSpec().getRules().stream().map(r -> r.getHost()).toList();
        assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactlyInAnyOrderElementsOf(hosts);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySecretAndConfigMapAPodReadsIsShippedOrWrittenByAnOperator(String overlay) {
        var manifests = Manifests.overlay(ROOT, overlay);
        var secrets = new HashMap<String, Set<String>>();
        manifests.all(Secret.class).forEach(s -> secrets.put(s.getMetadata().getName(), keys(s)));
        // what the operators write, with the keys they write
        for (var user : manifests.custom("KafkaUser")) {
            secrets.put(user.getMetadata().getName(), Set.of("password", "sasl.jaas.config"));
        }
        for (var kafka : manifests.custom("Kafka")) {
            secrets.put(kafka.getMetadata().getName() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        for (var mongo : manifests.custom("MongoDBCommunity")) {
            List<Map<String, Object>> users = mongo.get("spec", "users");
            for (var user : users) {
                secrets.put((String) user.get("connectionStringSecretName"), Set.of("connectionString.standard",
                        "connectionString.standardSrv", "username", "password"));
                assertThat(secrets).containsKey(GenericKubernetesResource.get(user, "passwordSecretRef", "name"));
            }
        }
        var configMaps = manifests.all(ConfigMap.class).stream().map(c -> c.getMetadata().getName()).toList();

        for (var deployment : manifests.all(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            for (var container : pod.getContainers()) {
                container.getEnvFrom().forEach(from -> assertThat(configMaps).contains(from.getConfigMapRef().getName()));
                for (var env : container.getEnv()) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    assertThat(secrets).as("Secret of %s", env.getName()).containsKey(ref.getName());
                    assertThat(secrets.get(ref.getName())).as("keys of Secret %s", ref.getName()).contains(ref.getKey());
                }
            }
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> {
                assertThat(secrets).containsKey(v.getSecret().getSecretName());
                var items = v.getSecret().getItems();
                if (items != null) {
                    items.forEach(item -> assertThat(secrets.get(v.getSecret().getSecretName())).contains(item.getKey()));
                }
            });
        }
        // cert-manager writes the Ingress's certificate, asked for by the annotation
        var ingress = manifests.all(Ingress.class).get(0);
        assertThat(ingress.getMetadata().getAnnotations()).containsKey("cert-manager.io/cluster-issuer");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theSecretsShipOnlyPlaceholdersThatNobodyCanUse(String overlay) {
        for (var secret : Manifests.overlay(ROOT, overlay).all(Secret.class)) {
            assertThat(secret.getStringData().values()).as(secret.getMetadata().getName())
                    .allSatisfy(value -> assertThat(value).contains("REPLACE-ME"));
            assertThat(secret.getData()).isNullOrEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void prodSurvivesANodeLossInKafkaAndMongoDb() {
        var prod = Manifests.overlay(ROOT, "prod");

        assertThat(prod.custom("KafkaNodePool")).hasSize(2).allSatisfy(pool -> {
            assertThat((Integer) pool.get("spec", "replicas")).isEqualTo(3);
            assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "comments");
        });
        assertThat(prod.custom("KafkaNodePool").stream().flatMap(p -> ((List<String>) p.get("spec", "roles")).stream()))
                .containsExactlyInAnyOrder("controller", "broker");
        var kafka = prod.custom("Kafka", "comments");
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat((Integer) kafka.get("spec", "kafka", "config", "min.insync.replicas")).isEqualTo(2);

        assertThat(prod.custom("KafkaTopic")).extracting(t -> (String) t.get("spec", "topicName"))
                .containsExactlyInAnyOrder("comments.submitted", "comments.moderated", "comments.submitted.DLT",
                        "moderation.rulesets");
        assertThat(prod.custom("KafkaTopic")).allSatisfy(topic -> {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "comments");
            assertThat((Integer) topic.get("spec", "replicas")).isEqualTo(3);
            assertThat((Integer) topic.get("spec", "config", "min.insync.replicas")).isEqualTo(2);
        });
        assertThat((String) topic(prod, "moderation.rulesets").get("spec", "config", "cleanup.policy")).isEqualTo("compact");

        var mongo = prod.custom("MongoDBCommunity", "moderation-mongodb");
        assertThat((Integer) mongo.get("spec", "members")).isEqualTo(3);
        assertThat((String) mongo.get("spec", "type")).isEqualTo("ReplicaSet");
        assertThat(prod.all(HorizontalPodAutoscaler.class)).allSatisfy(h -> assertThat(h.getSpec().getMinReplicas())
                .isGreaterThanOrEqualTo(2));
        assertThat(prod.named(HorizontalPodAutoscaler.class, "moderation-service").getSpec().getMetrics())
                .filteredOn(m -> m.getExternal() != null).singleElement()
                .satisfies(m -> assertThat(m.getExternal().getMetric().getName()).isEqualTo("kafka_consumergroup_lag"));
    }

    @Test
    void theImagesRunAsTheDeploymentsUserAndExposeTheirContainerPorts() throws IOException {
        var prod = Manifests.overlay(ROOT, "prod");

        for (var name : SERVICES) {
            var dockerfile = Files.readString(ROOT.resolve(name).resolve("Dockerfile"));
            var pod = prod.named(Deployment.class, name).getSpec().getTemplate().getSpec();
            var container = pod.getContainers().get(0);
            assertThat(dockerfile).contains("USER " + pod.getSecurityContext().getRunAsUser() + ":"
                    + pod.getSecurityContext().getRunAsGroup());
            var exposed = Pattern.compile("(?m)^EXPOSE (.+)$").matcher(dockerfile).results()
                    .flatMap(m -> Stream.of(m.group(1).trim().split("\\s+"))).map(Integer::valueOf).toList();
            assertThat(exposed).containsExactlyInAnyOrderElementsOf(
                    container.getPorts().stream().map(ContainerPort::getContainerPort).toList());
            assertThat(dockerfile).contains("COPY target/" + name + "-*.jar").contains("-XX:MaxRAMPercentage=");
            assertThat(container.getImage()).startsWith("registry.example.com/comment-moderation/" + name + ":");
        }
    }

    private static GenericKubernetesResource topic(Manifests manifests, String name) {
        return manifests.custom("KafkaTopic").stream().filter(t -> name.equals(t.get("spec", "topicName"))).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic for " + name));
    }

    private static int partitions(Manifests manifests, String topic) {
        return topic(manifests, topic).get("spec", "partitions");
    }

    private static List<Deployment> podsSelectedBy(Manifests manifests, Map<String, String> selector) {
        return manifests.all(Deployment.class).stream()
                .filter(d -> selects(selector, d.getSpec().getTemplate().getMetadata().getLabels())).toList();
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static Set<String> containerPortNames(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts().stream()).map(ContainerPort::getName).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst().orElseThrow()
                .getContainerPort();
    }

    private static Set<String> keys(Secret secret) {
        var keys = new HashSet<String>();
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        return keys;
    }
}
