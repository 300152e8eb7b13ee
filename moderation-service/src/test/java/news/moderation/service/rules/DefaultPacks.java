package news.moderation.service.rules;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shipped default packs, loaded as the service loads them. */
final class DefaultPacks {

    static final List<String> FILES = List.of("default-en.yml", "default-ru.yml", "default-uk.yml");
    static final Thresholds THRESHOLDS = new Thresholds(2, 5);
    static final RuleEngine ENGINE = RuleEngine.of(packs(), THRESHOLDS);

    private DefaultPacks() {
    }

    static List<RulePack> packs() {
        return FILES.stream().map(DefaultPacks::pack).toList();
    }

    static RulePack pack(String name) {
        var stream = DefaultPacks.class.getResourceAsStream("/rules/" + name);
        return RulePack.parse(name, new InputStreamReader(stream, StandardCharsets.UTF_8));
    }
}
