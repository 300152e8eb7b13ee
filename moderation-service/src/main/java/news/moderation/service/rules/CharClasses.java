package news.moderation.service.rules;

/**
 * What the normalizer needs to know about one code point, packed into an int and looked up in a table, so
 * that the per-character work is one array read instead of {@code Character.getType}, the case tests, NFKD
 * folding and the letter test every time:
 *
 * <pre>
 *   bits  0-15  the folded char (LETTER, DIGIT, SYMBOL)
 *   bits 16-19  kind: LETTER, DIGIT, SYMBOL, SEPARATOR, NEWLINE, DROP, MARK or FOLDS
 *   bit  20     a digit, bit 21 a letter of neither script: with bits 28 and 29, every char of a word
 *               has exactly one of these four bits, so two neighbours of different classes show in one test
 *   bit  22     white space (a separator that is a space, not punctuation)
 *   bits 23-24  how many separator units a SEPARATOR stands for (an emoji folds to two)
 *   bit  25     a separator or line break that ends a word as it is: not {@code &} (an entity may
 *               start there) nor a surrogate (a pair may be a letter)
 *   bit  27     a letter or digit (a char of a word)
 *   bit  28     a Latin letter (after folding), bit 29 a Cyrillic one: a word with both has look-alikes
 *   bit  30     lower case in the original, bit 31 upper case (counted for the shouting rule)
 * </pre>
 *
 * A code point whose folding is anything else (several letters, as {@code ß → ss} or {@code ﬁ → fi}, or
 * nothing at all) is of kind {@code FOLDS}: the normalizer then reads {@link Folding#fold} char by char
 * with {@link #unitKind}.
 */
final class CharClasses {

    static final int LETTER = 1;
    static final int DIGIT = 2;
    static final int SYMBOL = 3;
    static final int SEPARATOR = 4;
    static final int NEWLINE = 5;
    /** Format, control, unassigned and private-use characters: they leave no trace. */
    static final int DROP = 6;
    /** A combining mark: it belongs to the letter before it. */
    static final int MARK = 7;
    static final int FOLDS = 8;

    static final int KIND_MASK = 0xF << 16;
    static final int LETTER_BITS = LETTER << 16;
    static final int DIGIT_BITS = DIGIT << 16;
    static final int NUMERAL = 1 << 20;
    static final int OTHER_SCRIPT = 1 << 21;
    static final int WORD_CHAR = 1 << 27;
    static final int LATIN = 1 << 28;
    static final int CYRILLIC = 1 << 29;
    private static final int LOWER = 1 << 30;
    private static final int UPPER = 1 << 31;
    private static final int WHITESPACE = 1 << 22;
    private static final int COUNT_SHIFT = 23;
    /** Bit 25: SEPARATOR or NEWLINE, and neither {@code &} nor a surrogate. */
    static final int PLAIN_SEPARATOR = 1 << 25;
    /** The class bits of a word char: Latin, Cyrillic or another script's letter, or a digit; one each. */
    static final int WORD_CLASSES = LATIN | CYRILLIC | NUMERAL | OTHER_SCRIPT;

    /**
     * The Basic Multilingual Plane and plane 1 (emoji, mathematical letters), filled in as code points are
     * first seen: computing all of them up front costs most of a second at start-up, and a comment stream
     * touches a few hundred. 0 means not computed yet (every computed entry has a kind). An int is written
     * atomically and racing threads compute the same value, so the unsynchronised cache is safe.
     */
    private static final int[] CACHE = new int[0x20000];

    static {
        for (int c = 0; c < 128; c++) {
            CACHE[c] = withPlainSeparator(c, ascii((char) c));
        }
    }

    /** The bit the normalizer's loop tests separators by, so that it needs one test instead of four. */
    private static int withPlainSeparator(int cp, int info) {
        int kind = kind(info);
        boolean plain = (kind == SEPARATOR || kind == NEWLINE) && cp != '&' && !(cp >= 0xD800 && cp <= 0xDFFF);
        return plain ? info | PLAIN_SEPARATOR : info;
    }

    private CharClasses() {
    }

    /**
     * The entry of a UTF-16 char if already computed, else 0 (a surrogate is a SEPARATOR here; a pair is read
     * with {@link #of(int)}). For hot loops: with the computation out of them, the JIT keeps them free of
     * calls.
     */
    static int cached(char c) {
        return CACHE[c];
    }

    static int of(int cp) {
        if (cp < CACHE.length) {
            int info = CACHE[cp];
            if (info == 0) {
                info = withPlainSeparator(cp, compute(cp));
                CACHE[cp] = info;
            }
            return info;
        }
        return withPlainSeparator(cp, compute(cp));
    }

    static int kind(int info) {
        return (info >>> 16) & 0xF;
    }

    static char folded(int info) {
        return (char) info;
    }

    /** 1 for a letter or digit, else 0. */
    static int wordCharBit(int info) {
        return info >>> 27 & 1;
    }

    /** 1 for a letter that is upper case in the original, else 0: added up for the shouting rule. */
    static int upperBit(int info) {
        return info >>> 31;
    }

    static int lowerBit(int info) {
        return (info >>> 30) & 1;
    }


    static boolean isWhitespace(int info) {
        return (info & WHITESPACE) != 0;
    }

    static int separators(int info) {
        return (info >>> COUNT_SHIFT) & 3;
    }

    /** The kind of one char of a folded form: LETTER, DIGIT, SYMBOL, SEPARATOR, or 0 for a mark that goes. */
    static int unitKind(char f) {
        if (Character.isLetter(f)) {
            return LETTER;
        }
        if (f >= '0' && f <= '9') {
            return DIGIT;
        }
        if (Scripts.isLeetSymbol(f)) {
            return SYMBOL;
        }
        if (Character.getType(f) == Character.NON_SPACING_MARK) {
            return 0;
        }
        return SEPARATOR;
    }

    /** Whether a separator is a space rather than punctuation: "a d.w.a.r.f" has one of each. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static int ascii(char c) {
        if (c >= 'a' && c <= 'z') {
            return pack(LETTER, c) | LOWER;
        }
        if (c >= 'A' && c <= 'Z') {
            return pack(LETTER, Folding.ascii(c)) | UPPER;
        }
        if (c >= '0' && c <= '9') {
            return pack(DIGIT, c);
        }
        if (c == '\n' || c == '\r') {
            return pack(NEWLINE, ' ');
        }
        if (Scripts.isLeetSymbol(c)) {
            return pack(SYMBOL, c);
        }
        if (c < 32 && c != '\t') {
            return pack(DROP, 0);
        }
        return separator(1, c == ' ' || c == '\t');
    }

    private static int compute(int cp) {
        if (cp < 128) {
            return ascii((char) cp);
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return pack(MARK, 0);
        }
        if (type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE) {
            return cp == 0x85 ? pack(NEWLINE, ' ') : pack(DROP, 0);
        }
        int cased = Character.isUpperCase(cp) ? UPPER : Character.isLowerCase(cp) ? LOWER : 0;
        var folded = Folding.fold(cp);
        int units = 0;
        int separators = 0;
        int single = 0;
        for (int k = 0; k < folded.length(); k++) {
            char f = folded.charAt(k);
            int kind = unitKind(f);
            if (kind == 0) {
                continue;
            }
            units++;
            if (kind == SEPARATOR) {
                separators++;
            } else {
                single = pack(kind, f);
            }
        }
        if (units == 1 && separators == 0) {
            return single | cased;
        }
        if (units > 0 && units == separators && separators <= 3) {
            return separator(separators, isSpace(cp)) | cased;
        }
        return pack(FOLDS, 0) | cased;
    }

    private static int pack(int kind, int c) {
        int flags = 0;
        if (kind == LETTER) {
            flags = WORD_CHAR | (Scripts.isCyrillic((char) c) ? CYRILLIC : Scripts.isLatin((char) c) ? LATIN : OTHER_SCRIPT);
        } else if (kind == DIGIT) {
            flags = WORD_CHAR | NUMERAL;
        }
        return kind << 16 | c | flags;
    }

    private static int separator(int count, boolean space) {
        return pack(SEPARATOR, ' ') | count << COUNT_SHIFT | (space ? WHITESPACE : 0);
    }
}
