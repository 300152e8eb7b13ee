package news.moderation.service.rules;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Per-character folding, precomputed for the Basic Multilingual Plane: NFKD (so ligatures, full-width,
 * circled and styled letters become plain ones), combining marks dropped (diacritics go), lower case,
 * {@code ß → ss}. Russian and Ukrainian letters whose marks carry meaning (й ё ї є ў ґ) are kept whole.
 */
final class Folding {

    /**
     * Folded form of each BMP char, filled in as chars are first seen: building all 65,536 up front cost
     * most of a second at start-up, and a comment stream touches only a few hundred. Racing threads
     * compute the same immutable string, so the unsynchronised cache is safe.
     */
    private static final String[] BMP = new String[0x10000];
    private static final char[] ASCII = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
    }

    private Folding() {
    }

    /** The lower-case ASCII form of an ASCII char. */
    static char ascii(char c) {
        return ASCII[c];
    }

    /** The folded form of a code point: empty when it folds away entirely (a lone combining mark). */
    static String fold(int cp) {
        if (cp < 0x10000) {
            var folded = BMP[cp];
            if (folded == null) {
                folded = compute(cp);
                BMP[cp] = folded;
            }
            return folded;
        }
        return compute(cp);
    }

    private static String compute(int cp) {
        switch (cp) {
            case 'й', 'Й' -> { return "й"; }
            case 'ё', 'Ё' -> { return "ё"; }
            case 'ї', 'Ї' -> { return "ї"; }
            case 'є', 'Є' -> { return "є"; }
            case 'ў', 'Ў' -> { return "ў"; }
            case 'ґ', 'Ґ' -> { return "ґ"; }
            default -> { }
        }
        var decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        var out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            out.appendCodePoint(c);
        }
        var lower = out.toString().toLowerCase(Locale.ROOT);
        return lower.indexOf('ß') >= 0 ? lower.replace("ß", "ss") : lower;
    }

    /** A base letter and a combining mark that together make a letter we keep (и + ◌̆ → й). */
    static char compose(char base, int mark) {
        if (mark == 0x0306) {
            return base == 'и' ? 'й' : base == 'у' ? 'ў' : 0;
        }
        if (mark == 0x0308) {
            return base == 'е' ? 'ё' : base == 'і' ? 'ї' : 0;
        }
        return 0;
    }
}
