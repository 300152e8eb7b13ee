package news.moderation.bench;

import news.moderation.service.rules.RulePack;

import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Random;

/**
 * A large generated pack, as a site with a long local block list would have: {@code terms} pronounceable
 * pseudo-words of 4 to 10 letters (three in four Latin, one in four Cyrillic), about 20% with an open
 * end ({@code word*}) and 10% two-word phrases, in rules of 100 terms. Built through the same YAML reader
 * the service uses.
 */
public final class ExtraPack {

    private static final String LATIN_CONSONANTS = "bcdfghjklmnprstvwzkrtsln";
    private static final String LATIN_VOWELS = "aeiouy";
    private static final String CYRILLIC_CONSONANTS = "бвгджзклмнпрстфхцчшщ";
    private static final String CYRILLIC_VOWELS = "аеиоуыяюэ";
    private static final int TERMS_PER_RULE = 100;

    private ExtraPack() {
    }

    /** The pack's YAML, the same for the same seed. */
    public static String yaml(int terms, long seed) {
        var random = new Random(seed);
        var unique = new LinkedHashSet<String>();
        while (unique.size() < terms) {
            int kind = random.nextInt(10);
            boolean cyrillic = random.nextInt(4) == 0;
            String term;
            if (kind == 0) {
                term = word(random, cyrillic, 4, 7) + " " + word(random, cyrillic, 4, 7);
            } else if (kind <= 2) {
                term = word(random, cyrillic, 4, 8) + "*";
            } else {
                term = word(random, cyrillic, 4, 10);
            }
            unique.add(term);
        }
        var categories = new String[] {"insult", "slur", "profanity", "spam", "epithet"};
        var yaml = new StringBuilder(terms * 16);
        yaml.append("pack: extra-generated\nversion: \"bench-").append(seed).append("\"\nrules:\n");
        int index = 0;
        int rule = 0;
        for (var term : unique) {
            if (index % TERMS_PER_RULE == 0) {
                yaml.append("  - id: extra.r").append(rule).append('\n')
                        .append("    category: ").append(categories[rule % categories.length]).append('\n')
                        .append("    severity: ").append(2 + rule % 3).append('\n')
                        .append("    terms:\n");
                rule++;
            }
            yaml.append("      - \"").append(term).append("\"\n");
            index++;
        }
        return yaml.toString();
    }

    public static RulePack pack(int terms, long seed) {
        return RulePack.parse("extra-generated.yml", new StringReader(yaml(terms, seed)));
    }

    /** Syllables (consonant-vowel, sometimes closed by a consonant) until {@code min..max} letters. */
    private static String word(Random random, boolean cyrillic, int min, int max) {
        var consonants = cyrillic ? CYRILLIC_CONSONANTS : LATIN_CONSONANTS;
        var vowels = cyrillic ? CYRILLIC_VOWELS : LATIN_VOWELS;
        int length = min + random.nextInt(max - min + 1);
        var sb = new StringBuilder(length);
        while (sb.length() < length) {
            sb.append(consonants.charAt(random.nextInt(consonants.length())));
            if (sb.length() < length) {
                sb.append(vowels.charAt(random.nextInt(vowels.length())));
            }
            if (sb.length() < length && random.nextInt(3) == 0) {
                sb.append(consonants.charAt(random.nextInt(consonants.length())));
            }
        }
        return sb.toString();
    }
}
