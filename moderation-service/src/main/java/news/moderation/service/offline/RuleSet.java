package news.moderation.service.offline;

import news.moderation.service.rules.PackCodec;
import news.moderation.service.rules.RuleEngine;
import news.moderation.service.rules.RulePack;
import news.moderation.service.rules.RulePackException;
import news.moderation.service.rules.Thresholds;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the engine the offline commands use: the default packs from the classpath plus extra pack files. */
final class RuleSet {

    static final List<String> DEFAULT_PACKS = List.of("rules/default-en.yml", "rules/default-ru.yml",
            "rules/default-uk.yml");

    private RuleSet() {
    }

    /**
     * @throws RulePackException naming {@code file:line}, the rule and the reason when a pack is invalid or
     *                           cannot be read
     */
    static RuleEngine engine(List<Path> extraPacks, Thresholds thresholds) {
        var packs = new ArrayList<RulePack>();
        for (var resource : DEFAULT_PACKS) {
            packs.add(classpathPack(resource));
        }
        for (var file : extraPacks) {
            packs.add(filePack(file));
        }
        return RuleEngine.of(packs, thresholds);
    }

    /**
     * A default pack from the classpath: the build's compiled copy when there is one ({@link PackCodec}, the
     * same records without a YAML parser's cold start), else read as every pack is read ({@link RulePack#parse}).
     */
    static RulePack classpathPack(String resource) {
        var loader = RuleSet.class.getClassLoader();
        var compiled = loader.getResourceAsStream(resource.replaceFirst("\\.ya?ml$", "") + ".pack");
        if (compiled != null) {
            try (compiled) {
                return PackCodec.read(compiled);
            } catch (IOException e) {
                throw new RulePackException(resource + ":1: compiled copy unreadable, rebuild: " + e.getMessage());
            }
        }
        var stream = loader.getResourceAsStream(resource);
        if (stream == null) {
            throw new RulePackException(resource + ":1: default pack missing from the classpath");
        }
        var name = resource.substring(resource.lastIndexOf('/') + 1);
        try (var reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return RulePack.parse(name, reader);
        } catch (IOException e) {
            throw new RulePackException(resource + ":1: cannot read: " + e.getMessage());
        }
    }

    static RulePack filePack(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RulePackException(file + ":1: no such pack file");
        }
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return RulePack.parse(file.toString(), reader);
        } catch (IOException e) {
            throw new RulePackException(file + ":1: cannot read: " + e);
        }
    }
}
