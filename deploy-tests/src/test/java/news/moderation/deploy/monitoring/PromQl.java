package news.moderation.deploy.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Just enough of PromQL to find what a query reads: the metrics it selects with the labels it matches on,
 * and the labels it groups or joins by. Functions, aggregations, numbers, durations, ranges and strings are
 * recognised and skipped; anything it cannot place (such as a selector without a metric name) fails loudly
 * rather than passing unchecked.
 *
 * <pre>{@code
 * var q = PromQl.parse("sum by (reason) (rate(ingest_comments_total{outcome=\"rejected\"}[5m]))");
 * q.selectors();   // [Selector[metric=ingest_comments_total, labels=[outcome]]]
 * q.grouping();    // [reason]
 * }</pre>
 */
record PromQl(List<Selector> selectors, Set<String> grouping) {

    record Selector(String metric, Set<String> labels) {
    }

    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan",
            "Inf", "NaN");

    static PromQl parse(String query) {
        var selectors = new ArrayList<Selector>();
        var grouping = new LinkedHashSet<String>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c) || "()+-*/%^,=!<>".indexOf(c) >= 0) {
                i++;
            } else if (c == '"' || c == '\'' || c == '`') {
                i = skipString(query, i);
            } else if (c == '[') {
                i = query.indexOf(']', i) + 1;
            } else if (c == '{') {
                throw new IllegalArgumentException("a selector without a metric name in: " + query);
            } else if (Character.isDigit(c) || c == '.') {
                while (i < n && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_'
                        || query.charAt(i) == ':')) {
                    i++;
                }
                var word = query.substring(start, i);
                int next = skipSpaces(query, i);
                if (GROUPING.contains(word)) {
                    if (next < n && query.charAt(next) == '(') {
                        int close = query.indexOf(')', next);
                        for (var label : query.substring(next + 1, close).split(",")) {
                            if (!label.isBlank()) {
                                grouping.add(label.strip());
                            }
                        }
                        i = close + 1;
                    }
                } else if (AGGREGATIONS.contains(word) || KEYWORDS.contains(word)
                        || (next < n && query.charAt(next) == '(')) {
                    // an aggregation, operator or function: what it reads follows
                } else {
                    var labels = new LinkedHashSet<String>();
                    if (next < n && query.charAt(next) == '{') {
                        i = matchers(query, next, labels);
                    }
                    selectors.add(new Selector(word, labels));
                }
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in: " + query);
            }
        }
        return new PromQl(selectors, grouping);
    }

    /** Reads {@code {a="x", b=~"y"}} from {@code open}, adding the label names; returns the index after it. */
    private static int matchers(String query, int open, Set<String> labels) {
        int i = open + 1;
        while (true) {
            i = skipSpaces(query, i);
            if (query.charAt(i) == '}') {
                return i + 1;
            }
            if (query.charAt(i) == ',') {
                i++;
                continue;
            }
            int start = i;
            while (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_') {
                i++;
            }
            labels.add(query.substring(start, i));
            while (query.charAt(i) != '"' && query.charAt(i) != '\'' && query.charAt(i) != '`') {
                i++;
            }
            i = skipString(query, i);
        }
    }

    private static int skipString(String query, int open) {
        char quote = query.charAt(open);
        int i = open + 1;
        while (query.charAt(i) != quote) {
            i += query.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int skipSpaces(String query, int i) {
        while (i < query.length() && Character.isWhitespace(query.charAt(i))) {
            i++;
        }
        return i;
    }
}
