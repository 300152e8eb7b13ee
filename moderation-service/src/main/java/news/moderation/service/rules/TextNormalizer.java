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
 *       has letters and not many more digits, symbols only when a letter follows or, for {@code $} and
 *       {@code @}, when they end a word with letters ({@code a$$}), so {@code 2016}, {@code $5} and
 *       {@code idiot!!} stay.</li>
 *   <li>Join runs of three or more single letters split by short separators ({@code d.w.a.r.f},
 *       {@code f u c k}); separators between real words stay, so "the analysis" never reads as "anal",
 *       and so do one-letter words set off from a split word ("a d.w.a.r.f"; see {@link SplitLetters}).</li>
 *   <li>Store runs of a repeated letter once with their length ({@code dwaaaarf}).</li>
 * </ol>
 *
 * <p>All four happen in one pass over the text, which is read from a char array and classified by table
 * ({@link CharClasses}). Most of a comment is plain: words of letters of one script, or of digits,
 * between spaces and punctuation. {@link #plainWords} writes those straight to the output. Anything else
 * goes through the general path: a word's characters wait in a small buffer until the word ends (step 2
 * needs the whole word), and {@link SplitLetters} writes the result (step 3). A plain-looking word that
 * turns out otherwise (a digit, a symbol or a letter of the other script after its letters; a single
 * letter that may start a chain) is taken back out of the output and read again through the buffer, so
 * both paths give the same text: a property test compares them.
 *
 * <p>The engine's term automaton reads the output as it is written ({@link #normalizeAndScan}), in the
 * same loop, rather than in a pass of its own. The map back to the original is filled in only on request:
 * the engine asks for it only when a hit survives its checks. An instance keeps its buffers between texts, so the engine keeps one per thread
 * and a comment allocates nothing; it is not thread-safe.
 */
final class TextNormalizer {

    private static final byte LETTER = CharClasses.LETTER;
    private static final byte DIGIT = CharClasses.DIGIT;
    private static final byte SYMBOL = CharClasses.SYMBOL;
    private static final byte SEPARATOR = CharClasses.SEPARATOR;

    /** Past this many chars {@link #trim} drops the buffers rather than keep them for the next text. */
    private static final int RETAINED_CAPACITY = 1 << 16;

    private static final int MIXED = CharClasses.LATIN | CharClasses.CYRILLIC;
    /** By the top two bits of a char's entry (lower case, upper case): what it adds to the case counts. */
    private static final long[] CASES = {0, 1, 1L << 32, 0};
    private static final int LETTER_AND_DIGIT = CharClasses.LETTER_BITS | CharClasses.DIGIT_BITS;

    private NormalizedText out;
    private final SplitLetters split;
    /** Whether plain words go straight to the output ({@link #plainWords}); always, but in a test. */
    private final boolean shortcut;
    private boolean offsets;
    /** With offsets: the output position after which the pass may stop (see {@link #normalizeThrough}). */
    private int through;
    /** Whether the pass stopped there, before the end of the text. */
    private boolean stopped;
    private char[] source = new char[256];

    // the automaton read along with this pass (null: none), its state (a row of its table), how many output
    // chars it has read, and what it found: (row of a state that ends patterns, position) pairs, reported
    // only once the text is done, since a hit's checks read the chars and runs around it
    private Automaton automaton;
    private int state;
    private int scanned;
    private int[] found = new int[64];
    private int foundCount;

    // the word plainWords stopped in, for endPlainWord to decide about (pendingStart -1: none)
    private int pendingStart;
    private int pendingOut;
    private int pendingScripts;

    // what the structural rules count, over the whole text
    private int upper;
    private int lower;
    private int longestRepeat;
    private int repeat;
    private int previous;

    // the current word: chars between separators, read as a whole when it ends (step 2)
    private char[] wordChars = new char[32];
    private byte[] wordKinds = new byte[32];
    private int[] wordFrom = new int[32];
    private int[] wordTo = new int[32];
    private int wordLength;
    private int letters;
    private int digits;
    private int symbols;
    private int latin;
    private int cyrillic;
    private boolean firstCyrillic;
    private int lastAlnum;

    TextNormalizer() {
        this(new NormalizedText(), true);
    }

    private TextNormalizer(NormalizedText out, boolean shortcut) {
        this.out = out;
        this.split = new SplitLetters(out);
        this.shortcut = shortcut;
    }

    /** A normalizer that reads every word through the word buffer: the reference its shortcut is tested against. */
    static TextNormalizer withoutShortcut() {
        return new TextNormalizer(new NormalizedText(), false);
    }

    /** Normalizes into a new {@link NormalizedText} with offsets, for callers off the hot path. */
    static NormalizedText normalize(String text) {
        return new TextNormalizer(new NormalizedText(text.length() + 2), true).normalize(text, true);
    }

    /**
     * Normalizes into this normalizer's reused {@link NormalizedText}, valid until the next call.
     *
     * @param offsets whether to fill in the original offsets; the chars and runs are the same either way
     */
    NormalizedText normalize(String text, boolean offsets) {
        return normalize(text, offsets, null, Integer.MAX_VALUE);
    }

    /**
     * Normalizes with offsets, but may stop once the output through position {@code through} is final: the
     * engine needs the offsets only of the hits that survived, and stops after the last. The chars, runs
     * and offsets up to there are those of a whole pass; what comes after, and the case and repeat counts,
     * are not to be read.
     */
    NormalizedText normalizeThrough(String text, int through) {
        return normalize(text, true, null, through);
    }

    /**
     * Normalizes without offsets, as {@link #normalize(String, boolean)}, and reads the output with the
     * automaton on the way: each char {@link #plainWords} writes takes one more table lookup in its loop,
     * where the lookup's latency hides behind the normalizing, instead of a pass of its own. What it finds
     * goes to {@link #reportFound}.
     */
    NormalizedText normalizeAndScan(String text, Automaton automaton) {
        return normalize(text, false, automaton, Integer.MAX_VALUE);
    }

    /** Reports what the automaton found in the text last normalized by {@link #normalizeAndScan}. */
    void reportFound(Automaton.Hits hits) {
        for (int k = 0; k < foundCount; k += 2) {
            automaton.report(found[k], found[k + 1], hits);
        }
    }

    private NormalizedText normalize(String text, boolean offsets, Automaton automaton, int through) {
        this.offsets = offsets;
        this.through = through;
        stopped = false;
        this.automaton = automaton;
        state = 0;
        scanned = 0;
        foundCount = 0;
        int len = text.length();
        out.start(len + 2, offsets);
        split.start();
        resetWord();
        upper = 0;
        lower = 0;
        longestRepeat = len > 0 ? 1 : 0;
        repeat = 0;
        previous = -1;
        if (source.length < len + 1) {
            source = new char[len + 1];
        }
        // an array reads faster than charAt, which checks the string's coder every time; the space after
        // the text ends a word there, so the word loop needs no test for the end
        final char[] src = source;
        text.getChars(0, len, src, 0);
        src[len] = ' ';
        int i = 0;
        while (i < len) {
            int info = CharClasses.cached(src[i]);
            if ((info & CharClasses.WORD_CHAR) != 0 && wordLength == 0 && split.isIdle() && shortcut) {
                if (automaton != null) {
                    catchUp();
                }
                i = plainWords(src, i, len);
                if (stopped) {
                    return out;
                }
                if (pendingStart >= 0) {
                    endPlainWord(src, i, len);
                }
            } else {
                i = character(text, src, i, len, info);
            }
        }
        endWord();
        split.finish();
        if (automaton != null) {
            catchUp();
        }
        out.upper = upper;
        out.lower = lower;
        out.longestRepeat = longestRepeat;
        return out;
    }

    /**
     * The common case, in a loop of its own: words of letters of one script (or of digits) and the
     * separators between them are written straight to the output for as long as they stay plain. Every rare
     * case leaves the loop (a call in it would make the JIT compile all of it worse): where it stopped is
     * returned, and a word it stopped in is left for {@link #endPlainWord} to decide about.
     *
     * <p>Letters and separators take the same path, so that where a word ends costs no branch: word ends are
     * what the processor cannot predict (words are of any length), and a loop per word mispredicted one or
     * two branches per word, which cost more than its per-character work. Each char, letter or separator
     * (folded to a space by the table), is written unless it repeats the last one written, which is all that
     * runs and collapsed separators need. The tests that end the loop almost never pass: a char that is
     * neither a letter, a digit nor a plain separator; two neighbours in a word of different classes (Latin,
     * Cyrillic, other letters, digits: look-alikes and leetspeak, whatever the word turns out to be); a single
     * letter that may start a chain of s.p.l.i.t letters. Where a word it stopped in starts is looked up only
     * then. The runs of single chars are 1 already ({@link NormalizedText#runsOfOneUpTo}), so only a repeat
     * writes one. With an automaton ({@link #normalizeAndScan}), each char written takes a step through its
     * table too.
     */
    private int plainWords(char[] src, int start, int len) {
        final NormalizedText out = this.out;
        final boolean offsets = this.offsets;
        final int entry = out.length;
        out.ensureCapacity(entry + len - start + 2);
        out.runsOfOneUpTo(entry + len - start + 2);
        final char[] chars = out.chars;
        final byte[] runs = out.runs;
        final boolean scan = automaton != null;
        final int[] delta = scan ? automaton.delta : null;
        final char[] classOf = scan ? automaton.classOf : null;
        int state = this.state;
        if (scan) {
            ensureFound(2 * (entry + len - start + 2)); // a pair per char at most
        }
        final int[] found = this.found;
        int foundCount = this.foundCount;
        // upper case letters counted in the high half, lower case in the low one: one add per char
        long cases = 0;
        int longestRepeat = this.longestRepeat;
        int repeat = 1;
        int top = entry - 1;
        // the last two chars written: a space before the first word char
        char last = ' ';
        char lastButOne = ' ';
        int previousInfo = 0;
        int i = start;
        pendingStart = -1;
        for (; i < len; i++) {
            char c = src[i];
            int info = CharClasses.cached(c);
            int classes = (previousInfo | info) & CharClasses.WORD_CLASSES;
            if ((info & (CharClasses.WORD_CHAR | CharClasses.PLAIN_SEPARATOR)) == 0 || (classes & (classes - 1)) != 0) {
                break;
            }
            char f = CharClasses.folded(info);
            if (f != last) {
                // a space after a word of one char: a single letter may start a chain of s.p.l.i.t letters
                if ((f | lastButOne) == ' ' && runs[top] == 1 && (previousInfo & CharClasses.LETTER_BITS) != 0
                        && mayContinueSplit(src, i, len)) {
                    pendingStart = i - 1;
                    pendingOut = top;
                    pendingScripts = previousInfo;
                    break;
                }
                chars[++top] = f;
                if (offsets) {
                    // a space stands where its first separator starts
                    out.from[top] = i;
                    out.to[top] = i + CharClasses.wordCharBit(info);
                    // a space after a plain word: what comes before it is final
                    if (f == ' ' && top > through) {
                        stopped = true;
                        last = f;
                        break;
                    }
                }
                if (scan) {
                    state = delta[state + classOf[f]];
                    if (state < 0) {
                        state = ~state;
                        found[foundCount] = state;
                        found[foundCount + 1] = top;
                        foundCount += 2;
                    }
                }
                lastButOne = last;
                last = f;
                repeat = 1;
            } else {
                // the same letter again (a run), or a separator after a separator (one space for all)
                if (f != ' ') {
                    if (runs[top] < Byte.MAX_VALUE) {
                        runs[top]++;
                    }
                    if (offsets) {
                        out.to[top] = i + 1;
                    }
                }
                repeat = c == src[i - 1] ? repeat + 1 : 1;
                if (repeat > longestRepeat) {
                    longestRepeat = repeat;
                }
            }
            cases += CASES[info >>> 30];
            previousInfo = info;
        }
        out.length = top + 1;
        this.state = state;
        this.scanned = top + 1;
        this.foundCount = foundCount;
        boolean inWord = last != ' ';
        if (inWord && i < len && pendingStart < 0) {
            // stopped in a word or right after it: endPlainWord decides about the whole word
            int wordStart = i;
            int scripts = 0;
            while (wordStart > start && (CharClasses.cached(src[wordStart - 1]) & CharClasses.WORD_CHAR) != 0) {
                wordStart--;
                scripts |= CharClasses.cached(src[wordStart]);
            }
            int wordOut = top;
            while (wordOut > entry && chars[wordOut - 1] != ' ') {
                wordOut--;
            }
            pendingStart = wordStart;
            pendingOut = wordOut;
            pendingScripts = scripts;
        }
        out.restore(inWord && pendingStart < 0, offsets && inWord ? out.to[top] : 0);
        this.upper += (int) (cases >>> 32);
        this.lower += (int) cases;
        this.longestRepeat = longestRepeat;
        this.previous = src[i - 1];
        this.repeat = repeat;
        return i;
    }

    /** Reads with the automaton what the general path wrote since it last read. */
    private void catchUp() {
        int length = out.length;
        ensureFound(2 * length);
        final int[] delta = automaton.delta;
        final char[] classOf = automaton.classOf;
        final char[] chars = out.chars;
        int state = this.state;
        for (int k = scanned; k < length; k++) {
            state = delta[state + classOf[chars[k]]];
            if (state < 0) {
                state = ~state;
                found[foundCount++] = state;
                found[foundCount++] = k;
            }
        }
        this.state = state;
        scanned = length;
    }

    /**
     * The output was taken back to {@code length}: forgets what the automaton found from there on, and
     * puts it in the state it had there ({@link Automaton#stateAfter}).
     */
    private void rollBack(int length) {
        while (foundCount > 0 && found[foundCount - 1] >= length) {
            foundCount -= 2;
        }
        state = automaton.stateAfter(out.chars, length);
        scanned = length;
    }

    private void ensureFound(int capacity) {
        if (found.length < capacity) {
            found = Arrays.copyOf(found, Math.max(capacity, found.length * 2));
        }
    }

    /**
     * Whether a single letter followed by separators at {@code i} could be joined with what comes next:
     * only when a single letter follows after at most {@link SplitLetters#MAX_GAP} separators. The plain
     * case, "a dog", is ruled out from the table alone; anything unusual answers yes.
     */
    private static boolean mayContinueSplit(char[] src, int i, int len) {
        int k = i;
        while (k < len && k - i <= SplitLetters.MAX_GAP) {
            char c = src[k];
            int info = CharClasses.cached(c);
            if ((info & CharClasses.KIND_MASK) != CharClasses.SEPARATOR << 16 || c == '&' || Character.isSurrogate(c)
                    || CharClasses.separators(info) != 1) {
                break;
            }
            k++;
        }
        if (k == len || k - i > SplitLetters.MAX_GAP) {
            return false; // the end, or too wide a gap: the letter stands alone
        }
        // two letters in a row after the gap: the next word is no single letter
        return k + 1 >= len || (CharClasses.cached(src[k]) & CharClasses.KIND_MASK) != CharClasses.LETTER_BITS
                || (CharClasses.cached(src[k + 1]) & CharClasses.KIND_MASK) != CharClasses.LETTER_BITS;
    }

    /**
     * The last word {@link #plainWords} wrote, when what follows it may change how it reads: it stays if it
     * is a word of one script of two letters or more and a separator follows; else the word buffer reads it.
     */
    private void endPlainWord(char[] src, int i, int len) {
        int n = out.length;
        boolean single = n - pendingOut == 1 && out.runs[pendingOut] == 1 && (pendingScripts & CharClasses.LETTER_BITS) != 0;
        if ((pendingScripts & MIXED) == MIXED || (pendingScripts & LETTER_AND_DIGIT) == LETTER_AND_DIGIT || single
                || (i < len && !endsWord(src, i, len))) {
            // look-alikes of the other script; a single letter, maybe one of s.p.l.i.t letters; or a digit,
            // symbol, mark, entity, zero-width char or a char that folds to several follows
            out.truncate(pendingOut);
            if (automaton != null) {
                rollBack(pendingOut);
            }
            rereadIntoWord(src, pendingStart, i);
        } else {
            out.endWord(n, offsets ? out.to[n - 1] : 0);
        }
    }

    /** Any other code point, starting at {@code start}, through the word buffer. Returns where the next starts. */
    private int character(String text, char[] src, int start, int len, int info) {
        int cp = src[start];
        int i = start + 1;
        if (cp == '&') {
            int semicolon = HtmlEntities.end(text, start);
            if (semicolon > 0) {
                int decoded = HtmlEntities.decode(text, start, semicolon);
                if (decoded >= 0) {
                    cp = decoded;
                    i = semicolon + 1;
                    info = CharClasses.of(cp);
                }
            }
        } else if (Character.isHighSurrogate((char) cp) && i < len && Character.isLowSurrogate(src[i])) {
            cp = Character.toCodePoint((char) cp, src[i++]);
            info = CharClasses.of(cp);
        } else if (info == 0) {
            info = CharClasses.of(cp);
        }
        // the repeated-characters rule counts what the reader typed, entities decoded
        if (cp == previous) {
            if (++repeat > longestRepeat) {
                longestRepeat = repeat;
            }
        } else {
            previous = cp;
            repeat = 1;
        }
        upper += CharClasses.upperBit(info);
        lower += CharClasses.lowerBit(info);
        switch (CharClasses.kind(info)) {
            case CharClasses.LETTER, CharClasses.DIGIT, CharClasses.SYMBOL -> {
                ensureWordCapacity(1);
                addToWord(CharClasses.folded(info), (byte) CharClasses.kind(info), start, i);
            }
            case CharClasses.SEPARATOR -> {
                endWord();
                for (int k = CharClasses.separators(info); k > 0; k--) {
                    split.separator(start, cp, CharClasses.isWhitespace(info));
                }
            }
            case CharClasses.NEWLINE -> {
                endWord();
                split.lineBreak(start);
            }
            case CharClasses.MARK -> addMark(cp, i);
            case CharClasses.FOLDS -> addFolded(cp, start, i);
            default -> {
                // DROP: zero-width, format and control characters leave no trace
            }
        }
        return i;
    }

    /** The chars of the text last normalized, as read ({@code text.length()} of them), until the next call. */
    char[] source() {
        return source;
    }

    /**
     * Lets go of buffers a huge text made grow, so that a thread keeps only what ordinary comments need.
     * Call when the last result is no longer used.
     */
    void trim() {
        if (out.chars.length > RETAINED_CAPACITY) {
            out = new NormalizedText();
            split.writeTo(out);
        }
        if (source.length > RETAINED_CAPACITY) {
            source = new char[256];
        }
        if (found.length > RETAINED_CAPACITY) {
            found = new int[64];
        }
        if (wordChars.length > RETAINED_CAPACITY) {
            wordChars = new char[32];
            wordKinds = new byte[32];
            wordFrom = new int[32];
            wordTo = new int[32];
        }
    }

    /** Whether the char at {@code i} ends a word (a separator or line break), decoding it as the main loop does. */
    private static boolean endsWord(char[] src, int i, int len) {
        int cp = src[i];
        if (cp == '&') {
            return false; // maybe an entity for a letter: let the buffer see it
        }
        if (Character.isHighSurrogate((char) cp) && i + 1 < len && Character.isLowSurrogate(src[i + 1])) {
            cp = Character.toCodePoint((char) cp, src[i + 1]);
        }
        int kind = CharClasses.kind(CharClasses.of(cp));
        return kind == CharClasses.SEPARATOR || kind == CharClasses.NEWLINE;
    }

    /** Puts the letters and digits of {@code src[from, to)} into the word buffer, as the general path would. */
    private void rereadIntoWord(char[] src, int from, int to) {
        ensureWordCapacity(to - from);
        for (int k = from; k < to; k++) {
            int info = CharClasses.of(src[k]);
            addToWord(CharClasses.folded(info), (byte) CharClasses.kind(info), k, k + 1);
        }
    }

    /** A combining mark belongs to the letter before it: и + ◌̆ is й, and a diacritic widens the letter's span. */
    private void addMark(int cp, int end) {
        int last = wordLength - 1;
        if (last >= 0 && wordKinds[last] == LETTER) {
            char composed = Folding.compose(wordChars[last], cp);
            if (composed != 0) {
                wordChars[last] = composed;
            }
            wordTo[last] = end;
        }
    }

    /** A character that folds to several (ß → ss, ﬁ → fi, ½ → 1⁄2) or to nothing, read char by char. */
    private void addFolded(int cp, int start, int end) {
        var folded = Folding.fold(cp);
        for (int k = 0; k < folded.length(); k++) {
            char f = folded.charAt(k);
            int kind = CharClasses.unitKind(f);
            if (kind == SEPARATOR) {
                endWord();
                split.separator(start, cp, CharClasses.isSpace(cp));
            } else if (kind != 0) {
                ensureWordCapacity(1);
                addToWord(f, (byte) kind, start, end);
            }
        }
    }

    private void ensureWordCapacity(int more) {
        int needed = wordLength + more;
        if (needed > wordChars.length) {
            int capacity = Math.max(needed, wordChars.length * 2);
            wordChars = Arrays.copyOf(wordChars, capacity);
            wordKinds = Arrays.copyOf(wordKinds, capacity);
            wordFrom = Arrays.copyOf(wordFrom, capacity);
            wordTo = Arrays.copyOf(wordTo, capacity);
        }
    }

    /** One char of a word (the caller made room for it). */
    private void addToWord(char c, byte kind, int start, int end) {
        int n = wordLength;
        wordChars[n] = c;
        wordKinds[n] = kind;
        if (offsets) {
            wordFrom[n] = start;
            wordTo[n] = end;
        }
        if (kind == LETTER) {
            if (c >= 0x0400 && c <= 0x04FF) {
                if (letters == 0) {
                    firstCyrillic = true;
                }
                cyrillic++;
            } else if (Scripts.isLatin(c)) {
                latin++;
            }
            letters++;
            lastAlnum = n;
        } else if (kind == DIGIT) {
            digits++;
            lastAlnum = n;
        } else {
            symbols++;
        }
        wordLength = n + 1;
    }

    /** Step 2 for the word in the buffer, then on to step 3. */
    private void endWord() {
        int n = wordLength;
        if (n == 0) {
            return;
        }
        if (symbols == 0 && digits == 0 && (latin == 0 || cyrillic == 0)) {
            // the common case: letters of one script, nothing to read differently
            split.word(wordChars, wordKinds, wordFrom, wordTo, 0, n);
        } else {
            readWord(n);
            // symbols that stayed symbols separate: "idiot!!" is the word "idiot" and two separators
            int a = -1;
            for (int k = 0; k < n; k++) {
                if (wordKinds[k] == SEPARATOR) {
                    if (a >= 0) {
                        split.word(wordChars, wordKinds, wordFrom, wordTo, a, k);
                        a = -1;
                    }
                    split.separator(wordFrom[k], wordChars[k], false);
                } else if (a < 0) {
                    a = k;
                }
            }
            if (a >= 0) {
                split.word(wordChars, wordKinds, wordFrom, wordTo, a, n);
            }
        }
        resetWord();
    }

    /** Look-alikes of the other script and leetspeak, read in the word's dominant script. */
    private void readWord(int n) {
        boolean cyrillicWord = cyrillic > latin || (cyrillic == latin && firstCyrillic);
        boolean mixed = latin > 0 && cyrillic > 0;
        // digits are letters only in a word that has letters and not many more digits: "sh1t", not "2016"
        boolean digitsAreLetters = letters > 0 && digits <= letters + 2;
        // after the last letter or digit, a run of the symbols that end words as letters do ("a$$", "сук@")
        int trailingLetters = lastAlnum + 1;
        while (letters > 0 && trailingLetters < n && wordKinds[trailingLetters] == SYMBOL
                && Scripts.isWordEndLeet(wordChars[trailingLetters])) {
            trailingLetters++;
        }
        for (int k = 0; k < n; k++) {
            byte kind = wordKinds[k];
            char c = wordChars[k];
            if (kind == LETTER) {
                if (mixed && (cyrillicWord ? Scripts.isLatin(c) : Scripts.isCyrillic(c))) {
                    char look = Scripts.lookalike(c, cyrillicWord);
                    if (look != 0) {
                        wordChars[k] = look;
                    }
                }
            } else if (kind == DIGIT) {
                char leet = digitsAreLetters ? Scripts.leet(c, cyrillicWord) : 0;
                if (leet != 0) {
                    wordChars[k] = leet;
                    wordKinds[k] = LETTER;
                }
            } else if (kind == SYMBOL) {
                // a symbol is a letter with a letter or digit after it ("sh!t", "a$$hole"), or in that run at
                // the end ("a$$"); "idiot!!" and "A+" end in punctuation, and "$5" has no letter to go with
                boolean inWord = k < lastAlnum || (k > lastAlnum && k < trailingLetters);
                char leet = letters > 0 && inWord ? Scripts.leet(c, cyrillicWord) : 0;
                if (leet != 0) {
                    wordChars[k] = leet;
                    wordKinds[k] = LETTER;
                } else {
                    wordKinds[k] = SEPARATOR;
                }
            }
        }
    }

    private void resetWord() {
        wordLength = 0;
        letters = 0;
        digits = 0;
        symbols = 0;
        latin = 0;
        cyrillic = 0;
        firstCyrillic = false;
        lastAlnum = -1;
    }
}
