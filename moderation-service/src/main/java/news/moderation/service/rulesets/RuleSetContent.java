package news.moderation.service.rulesets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of one rule-set version, in the engine's pack format (each rule a mapping with {@code id},
 * {@code category}, {@code severity}, {@code terms} or {@code regex}, …), kept as data so that what an admin
 * wrote is stored as written and validated by the same reader as the pack files.
 *
 * <p>In a site's rule set, a rule replaces the global rule with the same id, and {@code {id, disabled: true}}
 * switches a global rule off for that site.
 */
record RuleSetContent(List<Map<String, Object>> rules, List<String> allow, List<Map<String, Object>> structural) {

    static final RuleSetContent EMPTY = new RuleSetContent(List.of(), List.of(), List.of());
    static final String DISABLED = "disabled";

    RuleSetContent {
        rules = List.copyOf(rules);
        allow = List.copyOf(allow);
        structural = List.copyOf(structural);
    }

    Map<String, Object> rule(String id) {
        return rules.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElse(null);
    }

    /** Adds the rule, or replaces the one with its id. */
    RuleSetContent with(Map<String, Object> rule) {
        var id = rule.get("id");
        var out = new ArrayList<Map<String, Object>>();
        boolean replaced = false;
        for (var r : rules) {
            if (Objects.equals(r.get("id"), id)) {
                out.add(rule);
                replaced = true;
            } else {
                out.add(r);
            }
        }
        if (!replaced) {
            out.add(rule);
        }
        return new RuleSetContent(out, allow, structural);
    }

    RuleSetContent without(String id) {
        return new RuleSetContent(rules.stream().filter(r -> !id.equals(r.get("id"))).toList(), allow, structural);
    }

    /** The global rules as a site sees them: its own rules replace or disable global ones with the same id. */
    RuleSetContent overriddenBy(RuleSetContent site) {
        var siteIds = site.rules.stream().map(r -> r.get("id")).toList();
        var structuralIds = site.structural.stream().map(r -> r.get("id")).toList();
        return new RuleSetContent(
                rules.stream().filter(r -> !siteIds.contains(r.get("id"))).toList(), allow,
                structural.stream().filter(r -> !structuralIds.contains(r.get("id"))).toList());
    }

    /** The site's own rules without the switches that only turn global rules off. */
    RuleSetContent enabledOnly() {
        return new RuleSetContent(
                rules.stream().filter(r -> !Boolean.TRUE.equals(r.get(DISABLED))).toList(), allow,
                structural.stream().filter(r -> !Boolean.TRUE.equals(r.get(DISABLED))).toList());
    }

    /** The pack document the engine's reader takes (JSON is YAML). */
    Map<String, Object> asPack(String name, String version) {
        var pack = new LinkedHashMap<String, Object>();
        pack.put("pack", name);
        pack.put("version", version);
        pack.put("rules", rules);
        pack.put("allow", allow);
        pack.put("structural", structural);
        return pack;
    }

    /** One line for a version's history, e.g. "+2 rules, -1 rule, 3 changed". */
    String changesFrom(RuleSetContent before) {
        int added = 0;
        int changed = 0;
        for (var r : rules) {
            var old = before.rule(String.valueOf(r.get("id")));
            if (old == null) {
                added++;
            } else if (!old.equals(r)) {
                changed++;
            }
        }
        int removed = (int) before.rules.stream().filter(r -> rule(String.valueOf(r.get("id"))) == null).count();
        var parts = new ArrayList<String>();
        if (added > 0) {
            parts.add("added " + added);
        }
        if (changed > 0) {
            parts.add("changed " + changed);
        }
        if (removed > 0) {
            parts.add("removed " + removed);
        }
        if (!allow.equals(before.allow)) {
            parts.add("allow list changed");
        }
        if (!structural.equals(before.structural)) {
            parts.add("structural rules changed");
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }
}
