package news.moderation.deploy.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import news.moderation.deploy.kubernetes.Manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every PromQL query that ops depend on: the Grafana dashboard's panels and variables, and the
 * PrometheusRule's alerts, each parsed.
 *
 * <pre>{@code
 * MonitoringQueries.dashboard(root).forEach(q -> q.query().selectors());
 * }</pre>
 */
record MonitoringQueries(String where, String expression, PromQl query) {

    static final String DASHBOARD = "k8s/base/monitoring/comment-moderation-dashboard.json";
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$",
            Pattern.DOTALL);

    static List<MonitoringQueries> dashboard(Path root) {
        JsonNode dashboard;
        try {
            dashboard = JsonMapper.builder().build().readTree(Files.readString(root.resolve(DASHBOARD)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var queries = new ArrayList<MonitoringQueries>();
        for (var panel : dashboard.path("panels")) {
            for (var target : panel.path("targets")) {
                var expr = target.path("expr").asText();
                queries.add(new MonitoringQueries("panel '" + panel.path("title").asText() + "'", expr, PromQl.parse(expr)));
            }
        }
        for (var variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                var definition = variable.path("query").path("query").asText();
                var m = LABEL_VALUES.matcher(definition.strip());
                if (!m.matches()) {
                    throw new IllegalArgumentException("variable " + variable.path("name") + ": only label_values(...) "
                            + "queries are checked, not " + definition);
                }
                // label_values(selector, label): the label must be on the selected metric
                var parsed = PromQl.parse(m.group(1));
                var grouping = new java.util.LinkedHashSet<>(parsed.grouping());
                grouping.add(m.group(2));
                queries.add(new MonitoringQueries("variable '" + variable.path("name").asText() + "'", definition,
                        new PromQl(parsed.selectors(), grouping)));
            }
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    static List<MonitoringQueries> alerts(Manifests manifests) {
        var queries = new ArrayList<MonitoringQueries>();
        for (var rules : manifests.custom("PrometheusRule")) {
            var spec = (Map<String, Object>) rules.getAdditionalProperties().get("spec");
            for (var group : (List<Map<String, Object>>) spec.get("groups")) {
                for (var rule : (List<Map<String, Object>>) group.get("rules")) {
                    var expr = (String) rule.get("expr");
                    queries.add(new MonitoringQueries("alert " + rule.get("alert"), expr, PromQl.parse(expr)));
                }
            }
        }
        return queries;
    }

    @Override
    public String toString() {
        return where + ": " + expression.strip().replaceAll("\\s+", " ");
    }
}
