package news.moderation.deploy.monitoring;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromQlTest {

    @Test
    void findsTheMetricInsideFunctionsAndAggregationsWithItsMatchersAndTheGroupingLabels() {
        var query = PromQl.parse("sum by (reason, namespace) (rate(ingest_comments_total{namespace=\"$namespace\", "
                + "outcome=\"rejected\"}[$__rate_interval]))");

        assertThat(query.selectors()).containsExactly(
                new PromQl.Selector("ingest_comments_total", Set.of("namespace", "outcome")));
        assertThat(query.grouping()).containsExactly("reason", "namespace");
    }

    @Test
    void readsEveryOperandOfBinaryExpressionsAndSubqueries() {
        var query = PromQl.parse("""
                sum by (namespace) (kafka_consumer_fetch_manager_records_lag{topic="comments.submitted"}) > 1000
                and
                deriv(sum by (namespace) (kafka_consumer_fetch_manager_records_lag{topic="a,b}"})[10m:1m]) > 0
                or absent(up{job="moderation-service"}) unless on (job) vector(1) * 0.5e3""");

        assertThat(query.selectors()).extracting(PromQl.Selector::metric)
                .containsExactly("kafka_consumer_fetch_manager_records_lag", "kafka_consumer_fetch_manager_records_lag",
                        "up");
        assertThat(query.grouping()).containsExactly("namespace", "job");
    }

    @Test
    void aMetricWithoutMatchersAndHistogramQuantilesAreRead() {
        var query = PromQl.parse("histogram_quantile(0.99, sum by (le) (rate(moderation_verdict_latency_seconds_bucket[5m])))"
                + " / process_cpu_usage");

        assertThat(query.selectors()).containsExactly(
                new PromQl.Selector("moderation_verdict_latency_seconds_bucket", Set.of()),
                new PromQl.Selector("process_cpu_usage", Set.of()));
        assertThat(query.grouping()).containsExactly("le");
    }

    @Test
    void aSelectorWithoutAMetricNameIsRefusedRatherThanLeftUnchecked() {
        assertThatThrownBy(() -> PromQl.parse("sum(rate({__name__=~\"moderation_.*\"}[5m]))"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a metric name");
    }
}
