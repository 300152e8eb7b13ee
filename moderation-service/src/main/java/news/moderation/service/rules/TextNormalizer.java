package news.moderation.service.rules;

import java.util.Arrays;

/**
 * Turns what a reader wrote into what the matcher reads, keeping a map back to the original offsets.
 *
 * <ol>
 *   <li>Fold each character: HTML entities decoded, NFKD, diacritics dropped (not й ё ї є ў ґ), lower
 *       case; zero-width, format and control characters dropped.</li>
 *   <li>Per word: read look-alike letters of the other script and leetspeak in the word's dominant
 *       script ({@code dw@rf}, {@code dwаrf} with a Cyrillic а, {@code sh1t}); digits only when the word
 *       has letters and not many more digits, symbols only when a letter follows, so {@code 2016} and {@code idiot!!} stay.</li>
 *   <li>Join runs of three or more single letters split by short separators ({@code d.w.a.r.f},
 *       {@code f u c k}); separators between real words stay, so "the analysis" never reads as "anal".</li>
 *   <li>Store runs of a repeated letter once with their length ({@code dwaaaarf}).</li>
 * </ol>
 */
final class TextNormalizer {

    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte SYMBOL = 3;
    private static final byte SEPARATOR = 4;
    private static final byte NEWLINE = 5;

    /** Single letters joined into a word may be split by at most this many separator characters. */
    private static final int MAX_SPLIT_GAP = 3;
    private static final int MIN_SPLIT_LETTERS = 3;

    private TextNormalizer() {
    }

    /** Growable parallel arrays of units: one folded char each, with its original span. */
    private static final class Units {
        char[] c;
        int[] from;
        int[] to;
        byte[] kind;
        int n;

        Units(int capacity) {
            c = new char[capacity];
            from = new int[capacity];
            to = new int[capacity];
            kind = new byte[capacity];
        }

        void add(char ch, byte k, int start, int end) {
            if (n == c.length) {
                int cap = n * 2 + 8;
                c = Arrays.copyOf(c, cap);
                from = Arrays.copyOf(from, cap);
                to = Arrays.copyOf(to, cap);
                kind = Arrays.copyOf(kind, cap);
            }
            c[n] = ch;
            kind[n] = k;
            from[n] = start;
            to[n] = end;
            n++;
        }
    }

    static NormalizedText normalize(String text) {
        var units = new Units(text.length() + 8);
        int upper = 0;
        int lower = 0;
        int longestRepeat = 0;
        int repeat = 0;
        int previous = -1;
        int len = text.length();
        int i = 0;
        while (i < len) {
            char ch = text.charAt(i);
            int cp;
            int start = i;
            int end;
            if (ch < 128) {
                cp = ch;
                end = i + 1;
                if (ch == '&') {
                    int semicolon = HtmlEntities.end(text, i);
                    if (semicolon > 0) {
                        int decoded = HtmlEntities.decode(text, i, semicolon);
                        if (decoded >= 0) {
                            cp = decoded;
                            end = semicolon + 1;
                        }
                    }
                }
            } else {
                cp = text.codePointAt(i);
                end = i + Character.charCount(cp);
            }
            i = end;
            if (cp == previous) {
                repeat++;
            } else {
                repeat = 1;
                previous = cp;
            }
            if (repeat > longestRepeat) {
                longestRepeat = repeat;
            }
            if (cp < 128) {
                char c = (char) cp;
                if (c >= 'a' && c <= 'z') {
                    lower++;
                    units.add(c, LETTER, start, end);
                } else if (c >= 'A' && c <= 'Z') {
                    upper++;
                    units.add(Folding.ascii(c), LETTER, start, end);
                } else if (c >= '0' && c <= '9') {
                    units.add(c, DIGIT, start, end);
                } else if (c == '\n' || c == '\r') {
                    units.add(' ', NEWLINE, start, end);
                } else if (Scripts.isLeetSymbol(c)) {
                    units.add(c, SYMBOL, start, end);
                } else if (c < 32 && c != '\t') {
                    continue;
                } else {
                    units.add(' ', SEPARATOR, start, end);
                }
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                if (units.n > 0 && units.kind[units.n - 1] == LETTER) {
                    char composed = Folding.compose(units.c[units.n - 1], cp);
                    if (composed != 0) {
                        units.c[units.n - 1] = composed;
                    }
                    units.to[units.n - 1] = end;
                }
                continue;
            }
            if (type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE) {
                if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
                    units.add(' ', NEWLINE, start, end);
                }
                continue;
            }
            if (Character.isUpperCase(cp)) {
                upper++;
            } else if (Character.isLowerCase(cp)) {
                lower++;
            }
            var folded = Folding.fold(cp);
            for (int k = 0; k < folded.length(); k++) {
                char f = folded.charAt(k);
                byte kind;
                if (Character.isLetter(f)) {
                    kind = LETTER;
                } else if (f >= '0' && f <= '9') {
                    kind = DIGIT;
                } else if (Scripts.isLeetSymbol(f)) {
                    kind = SYMBOL;
                } else if (Character.getType(f) == Character.NON_SPACING_MARK) {
                    continue;
                } else {
                    kind = SEPARATOR;
                    f = ' ';
                }
                units.add(f, kind, start, end);
            }
        }
        readWords(units);
        joinSplitLetters(units);
        return emit(units, upper, lower, longestRepeat);
    }

    /** Step 2: look-alikes and leetspeak, word by word. */
    private static void readWords(Units u) {
        int i = 0;
        while (i < u.n) {
            if (u.kind[i] == SEPARATOR || u.kind[i] == NEWLINE) {
                i++;
                continue;
            }
            int a = i;
            while (i < u.n && u.kind[i] != SEPARATOR && u.kind[i] != NEWLINE) {
                i++;
            }
            readWord(u, a, i);
        }
    }

    private static void readWord(Units u, int a, int b) {
        int letters = 0;
        int digits = 0;
        int latin = 0;
        int cyrillic = 0;
        boolean firstCyrillic = false;
        for (int k = a; k < b; k++) {
            if (u.kind[k] == LETTER) {
                char c = u.c[k];
                if (letters == 0) {
                    firstCyrillic = Scripts.isCyrillic(c);
                }
                letters++;
                if (Scripts.isCyrillic(c)) {
                    cyrillic++;
                } else if (Scripts.isLatin(c)) {
                    latin++;
                }
            } else if (u.kind[k] == DIGIT) {
                digits++;
            }
        }
        // the last position holding a letter or digit: symbols after it are punctuation, not leetspeak
        int lastAlnum = -1;
        for (int k = b - 1; k >= a; k--) {
            if (u.kind[k] == LETTER || u.kind[k] == DIGIT) {
                lastAlnum = k;
                break;
            }
        }
        boolean cyrillicWord = cyrillic > latin || (cyrillic == latin && firstCyrillic);
        boolean mixed = latin > 0 && cyrillic > 0;
        for (int k = a; k < b; k++) {
            byte kind = u.kind[k];
            if (kind == LETTER) {
                if (mixed) {
                    char c = u.c[k];
                    boolean minority = cyrillicWord ? Scripts.isLatin(c) : Scripts.isCyrillic(c);
                    if (minority) {
                        char look = Scripts.lookalike(c, cyrillicWord);
                        if (look != 0) {
                            u.c[k] = look;
                        }
                    }
                }
            } else if (kind == DIGIT) {
                if (letters > 0 && digits <= letters + 2) {
                    char leet = Scripts.leet(u.c[k], cyrillicWord);
                    if (leet != 0) {
                        u.c[k] = leet;
                        u.kind[k] = LETTER;
                    }
                }
            } else if (kind == SYMBOL) {
                char leet = letters > 0 && k < lastAlnum ? Scripts.leet(u.c[k], cyrillicWord) : 0;
                if (leet != 0) {
                    u.c[k] = leet;
                    u.kind[k] = LETTER;
                } else {
                    u.c[k] = ' ';
                    u.kind[k] = SEPARATOR;
                }
            }
        }
    }

    /** Step 3: {@code d.w.a.r.f} and {@code f u c k} become one word by dropping the separators between. */
    private static void joinSplitLetters(Units u) {
        int i = 0;
        while (i < u.n) {
            if (!isSingleLetterAt(u, i)) {
                i++;
                continue;
            }
            // collect a chain of single letters with short gaps
            int count = 1;
            int last = i;
            int k = i + 1;
            while (true) {
                int gapStart = k;
                while (k < u.n && u.kind[k] == SEPARATOR && k - gapStart < MAX_SPLIT_GAP + 1) {
                    k++;
                }
                int gap = k - gapStart;
                if (gap == 0 || gap > MAX_SPLIT_GAP || k >= u.n || !isSingleLetterAt(u, k)) {
                    break;
                }
                count++;
                last = k;
                k++;
            }
            if (count >= MIN_SPLIT_LETTERS) {
                for (int j = i; j <= last; j++) {
                    if (u.kind[j] == SEPARATOR) {
                        u.kind[j] = 0; // dropped
                    }
                }
            }
            i = last + 1;
        }
    }

    private static boolean isSingleLetterAt(Units u, int k) {
        if (u.kind[k] != LETTER) {
            return false;
        }
        boolean before = k == 0 || u.kind[k - 1] == SEPARATOR || u.kind[k - 1] == NEWLINE;
        boolean after = k + 1 == u.n || u.kind[k + 1] == SEPARATOR || u.kind[k + 1] == NEWLINE;
        return before && after;
    }

    /** Step 4: words separated by single spaces, repeated letters stored once with their run length. */
    private static NormalizedText emit(Units u, int upper, int lower, int longestRepeat) {
        int cap = u.n + 2;
        var chars = new char[cap];
        var from = new int[cap];
        var to = new int[cap];
        var runs = new byte[cap];
        chars[0] = ' ';
        int n = 1;
        boolean inWord = false;
        int lastEnd = 0;
        for (int k = 0; k < u.n; k++) {
            byte kind = u.kind[k];
            if (kind == 0) {
                continue;
            }
            boolean wordChar = kind == LETTER || kind == DIGIT;
            if (!wordChar) {
                if (inWord) {
                    chars[n] = ' ';
                    from[n] = u.from[k];
                    to[n] = u.from[k];
                    runs[n] = 1;
                    n++;
                    inWord = false;
                }
                continue;
            }
            char c = u.c[k];
            if (inWord && chars[n - 1] == c) {
                to[n - 1] = u.to[k];
                if (runs[n - 1] < Byte.MAX_VALUE) {
                    runs[n - 1]++;
                }
            } else {
                chars[n] = c;
                from[n] = u.from[k];
                to[n] = u.to[k];
                runs[n] = 1;
                n++;
                inWord = true;
            }
            lastEnd = u.to[k];
        }
        if (inWord) {
            chars[n] = ' ';
            from[n] = lastEnd;
            to[n] = lastEnd;
            runs[n] = 1;
            n++;
        }
        return new NormalizedText(chars, from, to, runs, n, upper, lower, longestRepeat);
    }
}
