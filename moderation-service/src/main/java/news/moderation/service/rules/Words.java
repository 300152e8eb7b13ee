package news.moderation.service.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into words with their offsets in the original string, and folds them for comparison. */
final class Words {

    record Word(String folded, int start, int end) {
    }

    private Words() {
    }

    static List<Word> of(String text) {
        var words = new ArrayList<Word>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordPart(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isWordPart(cp = text.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            words.add(new Word(fold(text.substring(start, i)), start, i));
        }
        return words;
    }

    static String fold(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
