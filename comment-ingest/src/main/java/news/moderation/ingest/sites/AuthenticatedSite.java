package news.moderation.ingest.sites;

import org.springframework.web.server.ServerWebExchange;

/**
 * The site whose API key came with the request: the only source of a comment's {@code siteId}.
 *
 * <pre>{@code
 * String siteId = AuthenticatedSite.of(request.exchange()).siteId();
 * }</pre>
 */
public record AuthenticatedSite(String siteId) {

    static final String ATTRIBUTE = AuthenticatedSite.class.getName();

    /**
     * @throws IllegalStateException outside {@code /api/**}, where no key was checked; failing beats guessing
     */
    public static AuthenticatedSite of(ServerWebExchange exchange) {
        AuthenticatedSite site = exchange.getAttribute(ATTRIBUTE);
        if (site == null) {
            throw new IllegalStateException("no authenticated site on " + exchange.getRequest().getPath()
                    + ": is the handler outside /api/**?");
        }
        return site;
    }

    void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }
}
