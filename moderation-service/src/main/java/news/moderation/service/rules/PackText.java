package news.moderation.service.rules;

import java.util.List;

/**
 * The text a rule set's version hash is computed over: exactly what the records' {@code toString} gives
 * ({@code RulePack[name=…, version=…, rules=[Rule[id=…, …]], …]}), so versions stay what they were, but
 * written out by hand: the records' generated {@code toString} costs a command-line start a tenth of a
 * second to set up. A test checks both agree for packs with every kind of field.
 */
final class PackText {

    private PackText() {
    }

    static String of(RulePack pack) {
        var out = new StringBuilder(4096);
        out.append("RulePack[name=").append(pack.name())
                .append(", version=").append(pack.version())
                .append(", rules=[");
        for (int i = 0; i < pack.rules().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            rule(out, pack.rules().get(i));
        }
        out.append("], allow=");
        strings(out, pack.allow());
        out.append(", structural=[");
        for (int i = 0; i < pack.structural().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            var s = pack.structural().get(i);
            out.append("StructuralRule[id=").append(s.id())
                    .append(", kind=").append(s.kind())
                    .append(", category=").append(s.category())
                    .append(", severity=").append(s.severity())
                    .append(", minimum=").append(s.minimum())
                    .append(", threshold=").append(s.threshold())
                    .append(']');
        }
        return out.append("]]").toString();
    }

    private static void rule(StringBuilder out, Rule rule) {
        out.append("Rule[id=").append(rule.id())
                .append(", category=").append(rule.category())
                .append(", severity=").append(rule.severity())
                .append(", terms=");
        strings(out, rule.terms());
        out.append(", regex=").append(rule.regex())
                .append(", caseSensitive=").append(rule.caseSensitive())
                .append(", when=");
        strings(out, rule.when());
        out.append(", requires=");
        conditions(out, rule.requires());
        out.append(", unless=");
        conditions(out, rule.unless());
        out.append(']');
    }

    private static void conditions(StringBuilder out, List<ContextCondition> conditions) {
        out.append('[');
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            var c = conditions.get(i);
            out.append("ContextCondition[side=").append(c.side()).append(", words=");
            strings(out, c.words());
            out.append(", within=").append(c.within()).append(']');
        }
        out.append(']');
    }

    private static void strings(StringBuilder out, List<String> strings) {
        out.append('[');
        for (int i = 0; i < strings.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(strings.get(i));
        }
        out.append(']');
    }
}
