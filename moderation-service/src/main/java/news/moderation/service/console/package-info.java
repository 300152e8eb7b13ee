/**
 * The moderator console: a static web page at {@code /} (HTML, CSS and JavaScript modules under
 * {@code static/}) that works the review queue through the same API as any other client, and the few
 * server-side pieces it needs: the security chain that serves its assets without credentials under a strict
 * Content-Security-Policy, and {@code GET /api/v1/me}.
 */
package news.moderation.service.console;
