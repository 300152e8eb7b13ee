package news.moderation.ingest.sites;

import news.moderation.contract.Violation;
import news.moderation.ingest.outcome.IngestOutcomes;
import news.moderation.ingest.outcome.Reason;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Guards all of {@code /api/**} rather than single handlers, so that an endpoint added later cannot forget
 * to authenticate.
 */
@Component
final class ApiKeyFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Api-Key";

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    private final SiteKeys keys;
    private final IngestOutcomes outcomes;

    ApiKeyFilter(SiteKeys keys, IngestOutcomes outcomes) {
        this.keys = keys;
        this.outcomes = outcomes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!API.matches(exchange.getRequest().getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        var presented = exchange.getRequest().getHeaders().getFirst(HEADER);
        var site = keys.siteFor(presented);
        if (site.isEmpty()) {
            var reason = presented == null || presented.isEmpty() ? "is required" : "is not a known key";
            return outcomes.reject(exchange, Reason.UNAUTHORIZED, "the " + HEADER + " header " + reason,
                    List.of(new Violation(HEADER, reason)));
        }
        site.get().attachTo(exchange);
        return chain.filter(exchange);
    }

    /** Early, so that no other filter spends work on a request that is going to be refused. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
