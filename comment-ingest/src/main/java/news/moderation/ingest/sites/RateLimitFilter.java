package news.moderation.ingest.sites;

import news.moderation.contract.Violation;
import news.moderation.ingest.outcome.IngestOutcomes;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Refuses a site's request with 429 and {@code Retry-After} while its bucket is empty, before the body is
 * read: a flood costs a hash and a counter, not a parse.
 */
@Component
final class RateLimitFilter implements WebFilter, Ordered {

    private final RateLimits limits;
    private final IngestOutcomes outcomes;

    RateLimitFilter(RateLimits limits, IngestOutcomes outcomes) {
        this.limits = limits;
        this.outcomes = outcomes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        AuthenticatedSite site = exchange.getAttribute(AuthenticatedSite.ATTRIBUTE);
        if (site == null) {
            return chain.filter(exchange);
        }
        var wait = limits.admit(site.siteId());
        if (wait.isZero()) {
            return chain.filter(exchange);
        }
        return outcomes.throttle(exchange, wait, "site " + site.siteId() + " is over its rate; retry after the "
                + "Retry-After seconds", List.of(new Violation(ApiKeyFilter.HEADER, "is over its rate")));
    }

    /** Right after the key is known, before anything else spends work on the request. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 110;
    }
}
