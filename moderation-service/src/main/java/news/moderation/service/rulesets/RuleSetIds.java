package news.moderation.service.rulesets;

import news.moderation.contract.CommentLimits;

/** Rule-set ids: {@code global}, and {@code site:<siteId>} for a site's overrides. */
final class RuleSetIds {

    static final String SITE_PREFIX = "site:";

    private RuleSetIds() {
    }

    static String site(String siteId) {
        return SITE_PREFIX + siteId;
    }

    static boolean isSite(String rulesetId) {
        return rulesetId.startsWith(SITE_PREFIX);
    }

    static boolean isValid(String rulesetId) {
        return RuleSetCompiler.GLOBAL.equals(rulesetId) || (isSite(rulesetId)
                && CommentLimits.SITE_ID.matcher(rulesetId.substring(SITE_PREFIX.length())).matches());
    }
}
