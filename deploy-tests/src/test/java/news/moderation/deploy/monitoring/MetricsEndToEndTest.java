package news.moderation.deploy.monitoring;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import news.moderation.deploy.kubernetes.Manifests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both packaged services, run as the manifests run them (actuator on a management port of its own), with
 * traffic of every kind the dashboard and alerts watch: accepted, refused and unauthorised comments, a held
 * comment left pending, one decided by a moderator, and a record that is not a comment, which goes to the DLT.
 * Then every metric and label that the dashboard and the alerts name must be in what the services export.
 */
@Tag("end-to-end")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    /** Series Prometheus makes itself for each target, with the labels it gives them. */
    static final Map<String, Set<String>> PROMETHEUS_OWN = Map.of("up", Set.of("job", "instance"));
    /** Labels the ServiceMonitor's scrape adds to every series: present in Prometheus, absent from a scrape. */
    static final Set<String> TARGET_LABELS = Set.of("namespace", "pod", "service", "container", "endpoint", "job",
            "instance");

    RunningServices services;
    Scrape ingest;
    Scrape moderation;
    /** Every label each exported metric carries, over both services. */
    final Map<String, Set<String>> exported = new HashMap<>();

    @BeforeAll
    void startServicesAndSendTraffic() throws Exception {
        services = RunningServices.start(ROOT);
        assertThat(services.postComment("m-clean", "Lovely regatta today").statusCode()).isEqualTo(202);
        assertThat(services.postComment("m-held", "All the dwarf has to do is turn off the gas.").statusCode())
                .isEqualTo(202);
        assertThat(services.postComment("m-decided", "What a moron.").statusCode()).isEqualTo(202);
        assertThat(services.postRaw("{\"commentId\": \"m-bad\", \"text\": ", RunningServices.SITE_KEY).statusCode())
                .isEqualTo(400);
        assertThat(services.postRaw("{}", null).statusCode()).isEqualTo(401);
        services.producePoison();
        await().atMost(Duration.ofSeconds(30)).until(() -> services.queue().body().contains("m-decided"));
        assertThat(services.decide("m-decided", "HIDE").statusCode()).isEqualTo(200);

        // Micrometer binds a consumer's per-partition metrics on its next refresh, up to a minute after the
        // partitions are assigned: the longest wait here, and one that production sees after every rebalance too.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var scrape = services.scrape(services.moderation());
            assertThat(scrape.value("moderation_dead_letters_total", Map.of("reason", "UNPARSEABLE"))).contains(1.0);
            assertThat(scrape.value("moderation_queue_depth", Map.of())).contains(1.0);
            assertThat(scrape.value("moderation_queue_oldest_age_seconds", Map.of()))
                    .hasValueSatisfying(age -> assertThat(age).isPositive());
            assertThat(scrape.value("kafka_consumer_fetch_manager_records_lag",
                    Map.of("topic", services.submittedTopic()))).isPresent();
        });
        ingest = services.scrape(services.ingest());
        moderation = services.scrape(services.moderation());
        Stream.of(ingest, moderation).forEach(scrape -> scrape.labelsByName().forEach((name, labels) ->
                exported.computeIfAbsent(name, k -> new HashSet<>()).addAll(labels)));
        PROMETHEUS_OWN.forEach((name, labels) -> exported.computeIfAbsent(name, k -> new HashSet<>()).addAll(labels));
        // kept for docs/operations.md's catalogue, and for whoever wonders what a name looks like
        var dumps = ROOT.resolve("deploy-tests/target/scrapes");
        Files.createDirectories(dumps);
        Files.writeString(dumps.resolve("comment-ingest.txt"), ingest.text());
        Files.writeString(dumps.resolve("moderation-service.txt"), moderation.text());
    }

    @AfterAll
    void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void everyMetricTheDashboardNamesIsExportedWithTheLabelsItUses() {
        var queries = MonitoringQueries.dashboard(ROOT);

        assertThat(queries).hasSizeGreaterThan(20);
        assertThat(queries).allSatisfy(this::readsOnlyExportedSeries);
    }

    @Test
    void everyMetricTheAlertsNameIsExportedWithTheLabelsTheyUse() {
        var queries = MonitoringQueries.alerts(Manifests.overlay(ROOT, "prod"));

        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
        assertThat(queries).allSatisfy(this::readsOnlyExportedSeries);
    }

    private void readsOnlyExportedSeries(MonitoringQueries query) {
        var labelsInQuery = new HashSet<String>();
        for (var selector : query.query().selectors()) {
            assertThat(exported).as("%s reads %s", query, selector.metric()).containsKey(selector.metric());
            var available = new HashSet<>(exported.get(selector.metric()));
            available.addAll(TARGET_LABELS);
            assertThat(available).as("labels of %s in %s", selector.metric(), query).containsAll(selector.labels());
            labelsInQuery.addAll(available);
        }
        assertThat(labelsInQuery).as("grouping labels in %s", query).containsAll(query.query().grouping());
    }

    @Test
    void theDeploymentsProbesAnswerOnTheManagementPortAndTheApiPortHasNoActuator() {
        var prod = Manifests.overlay(ROOT, "prod");
        var ports = Map.of("moderation-service", services.moderation(), "comment-ingest", services.ingest());

        ports.forEach((name, port) -> {
            var container = prod.named(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().get(0);
            for (var path : probePaths(container)) {
                assertThat(services.get(port.management(), path).statusCode()).as("%s %s", name, path).isEqualTo(200);
                assertThat(services.get(port.http(), path).statusCode()).as("%s %s on the API port", name, path)
                        .isNotEqualTo(200);
            }
        });
    }

    private static List<String> probePaths(Container container) {
        return Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                .map(probe -> probe.getHttpGet().getPath()).distinct().toList();
    }

    @Test
    void theActuatorOffersHealthInfoAndPrometheusAndNothingElse() throws Exception {
        for (var port : List.of(services.moderation(), services.ingest())) {
            for (var path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info",
                    "/actuator/prometheus")) {
                assertThat(services.get(port.management(), path).statusCode()).as(path).isEqualTo(200);
            }
            // the overall health includes MongoDB, whose check mongo-java-server fails: served, UP or DOWN
            assertThat(services.get(port.management(), "/actuator/health").statusCode()).isIn(200, 503);
            // moderation-service's security answers 401 before the actuator could answer 404: either way, closed
            for (var path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/loggers",
                    "/actuator/metrics", "/actuator/heapdump", "/actuator/threaddump", "/actuator/mappings")) {
                assertThat(services.get(port.management(), path).statusCode()).as(path).isIn(401, 404);
            }
        }
        var links = new ArrayList<String>();
        JSON.readTree(services.get(services.ingest().management(), "/actuator").body()).path("_links").fieldNames()
                .forEachRemaining(links::add);
        assertThat(links).containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
    }

    @Test
    void decisionsAndTheHeldCommentShowOnTheQueueMetrics() {
        assertThat(moderation.value("moderation_decisions_total", Map.of("action", "HIDE"))).contains(1.0);
        assertThat(moderation.value("moderation_decisions_total", Map.of("action", "APPROVE"))).contains(0.0);
        assertThat(moderation.value("moderation_verdicts_total", Map.of("decision", "PENDING"))).contains(2.0);
        assertThat(moderation.value("moderation_dead_letters_total", Map.of("reason", "INVALID_FIELDS")))
                .as("every reason is exported from the start, so increase() sees the first one").contains(0.0);
        assertThat(ingest.value("ingest_comments_total", Map.of("reason", "UNAUTHORIZED"))).contains(1.0);
    }
}
