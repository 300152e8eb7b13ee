package news.moderation.service.rules;

/**
 * Look-alike letters between Latin and Cyrillic, and leetspeak, in both directions: a word is read in
 * its dominant script, and minority letters that look like one of its letters are read as that letter.
 */
final class Scripts {

    private static final char[] TO_LATIN = new char[0x500];
    private static final char[] TO_CYRILLIC = new char[128];

    private static final char[] LEET_LATIN = new char[128];
    private static final char[] LEET_CYRILLIC = new char[128];

    static {
        // Cyrillic -> Latin, for Cyrillic letters slipped into English words
        var cyr = "аеорсухкмтнвіјѕп";
        var lat = "aeopcyxkmthbijsn";
        for (int i = 0; i < cyr.length(); i++) {
            if (cyr.charAt(i) < TO_LATIN.length) {
                TO_LATIN[cyr.charAt(i)] = lat.charAt(i);
            }
        }
        // Latin -> Cyrillic, for Latin letters slipped into Russian or Ukrainian words
        var lat2 = "aeopcyxkmthbi";
        var cyr2 = "аеорсухкмтнві";
        for (int i = 0; i < lat2.length(); i++) {
            TO_CYRILLIC[lat2.charAt(i)] = cyr2.charAt(i);
        }
        put(LEET_LATIN, "@4a 3e 1i !i |i 0o $s 5s 7t +t 8b 9g");
        put(LEET_CYRILLIC, "@а 4ч 3з 0о 6б $с !і 1і");
    }

    private static void put(char[] table, String pairs) {
        for (var pair : pairs.split(" ")) {
            var target = pair.charAt(pair.length() - 1);
            for (int i = 0; i < pair.length() - 1; i++) {
                table[pair.charAt(i)] = target;
            }
        }
    }

    private Scripts() {
    }

    static boolean isCyrillic(char c) {
        return c >= 0x0400 && c <= 0x04FF;
    }

    static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 0x00DF && c <= 0x024F);
    }

    /** The letter {@code c} would be read as in a word of the other script, or 0. */
    static char lookalike(char c, boolean toCyrillic) {
        if (toCyrillic) {
            return c < TO_CYRILLIC.length ? TO_CYRILLIC[c] : 0;
        }
        return c < TO_LATIN.length ? TO_LATIN[c] : 0;
    }

    /** The letter a digit or symbol stands for in leetspeak, or 0. */
    static char leet(char c, boolean cyrillicWord) {
        if (c >= 128) {
            return c == '€' ? (cyrillicWord ? 'е' : 'e') : 0;
        }
        return cyrillicWord ? LEET_CYRILLIC[c] : LEET_LATIN[c];
    }

    /**
     * Symbols read as letters also at the end of a word: {@code $} and {@code @} ("a$$", "сук@"). The others
     * end words as punctuation or signs: "idiot!", "C++", "A+", "|", "5€".
     */
    static boolean isWordEndLeet(char c) {
        return c == '$' || c == '@';
    }

    static boolean isLeetSymbol(char c) {
        return c == '@' || c == '$' || c == '!' || c == '|' || c == '+' || c == '€';
    }
}
