package news.moderation.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import news.moderation.deploy.kubernetes.Manifests;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts and the dashboard as files: complete, and pointing at documentation that exists. */
class AlertsAndDashboardTest {

    static final Path ROOT = MetricsEndToEndTest.ROOT;

    @SuppressWarnings("unchecked")
    @Test
    void everyAlertHasASeverityASummaryAndARunbookInOperationsMd() throws Exception {
        var operations = Files.readString(ROOT.resolve("docs/operations.md"));
        var anchors = Pattern.compile("(?m)^#{2,4} (.+)$").matcher(operations).results()
                .map(m -> m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
        var rules = Manifests.overlay(ROOT, "prod").custom("PrometheusRule").get(0);
        List<Map<String, Object>> groups = rules.get("spec", "groups");
        var alerts = new ArrayList<Map<String, Object>>();
        groups.forEach(g -> alerts.addAll((List<Map<String, Object>>) g.get("rules")));

        assertThat(alerts).extracting(a -> a.get("alert")).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(8);
        assertThat(alerts).allSatisfy(alert -> {
            var labels = (Map<String, String>) alert.get("labels");
            var annotations = (Map<String, String>) alert.get("annotations");
            assertThat(labels.get("severity")).isIn("warning", "critical");
            assertThat(annotations).containsKeys("summary", "description");
            assertThat(annotations.get("runbook")).isEqualTo("docs/operations.md#" + alert.get("alert").toString()
                    .toLowerCase(Locale.ROOT));
            assertThat(anchors).as("a runbook heading for %s", alert.get("alert"))
                    .contains(alert.get("alert").toString().toLowerCase(Locale.ROOT));
        });
        assertThat(alerts).extracting(a -> a.get("alert")).contains("ModerationConsumerLagGrowing",
                "ModerationDeadLetters", "ModerationQueueTooOld", "ModerationVerdictLatencyHigh",
                "IngestErrorRatioHigh", "ModerationInstanceDown");
    }

    @Test
    void theDashboardReachesGrafanasSidecarUnchanged() throws Exception {
        var file = Files.readString(ROOT.resolve(MonitoringQueries.DASHBOARD));
        for (var overlay : Manifests.OVERLAYS) {
            var map = Manifests.overlay(ROOT, overlay).named(ConfigMap.class, "comment-moderation-dashboard");

            assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
            assertThat(map.getData()).containsExactly(Map.entry("comment-moderation-dashboard.json", file));
        }
    }

    @Test
    void everyPanelReadsTheChosenDataSourceAndNamespace() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(ROOT.resolve(MonitoringQueries.DASHBOARD)));
        var ids = new ArrayList<Integer>();

        assertThat(dashboard.path("uid").asText()).isEqualTo("comment-moderation");
        for (var panel : dashboard.path("panels")) {
            ids.add(panel.path("id").asInt());
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).isNotEmpty().allSatisfy(target ->
                        assertThat(target.path("expr").asText()).as(panel.path("title").asText())
                                .contains("namespace=\"$namespace\""));
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
        var variables = new ArrayList<String>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        assertThat(variables).containsExactlyInAnyOrderElementsOf(Set.of("datasource", "namespace"));
    }
}
