package news.moderation.service.rulesets;

import news.moderation.contract.CommentLimits;

/** Rule-set ids: {@code global}, and {@code site:<siteId>} for a site's overrides. */
final class RuleSetIds {

    static final String SITE_PREFIX = "site:";

    private RuleSetIds() {
    }

    /** The site a site rule set is for: {@code "site:daily-news"} → {@code "daily-news"}. */
    static String siteOf(String rulesetId) {
        return rulesetId.substring(SITE_PREFIX.length());
    }

    static boolean isSite(String rulesetId) {
        return rulesetId.startsWith(SITE_PREFIX);
    }

    static boolean isValid(String rulesetId) {
        return RuleSetCompiler.GLOBAL.equals(rulesetId) || (isSite(rulesetId)
                && CommentLimits.SITE_ID.matcher(rulesetId.substring(SITE_PREFIX.length())).matches());
    }
}
