package news.moderation.service.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Finds word-sequence phrases among a text's words: whole words only, so "Scunthorpe" never contains a
 * shorter term. Indexed by first word so a lookup costs one hash probe per word, plus a scan of the few
 * phrases whose first word is a prefix.
 */
final class PhraseMatcher<T> {

    private record Phrase<T>(String[] words, boolean openEnded, T payload) {
    }

    private final Map<String, List<Phrase<T>>> byFirstWord = new HashMap<>();
    private final List<Phrase<T>> prefixFirst = new ArrayList<>();

    void add(String phrase, T payload) {
        var words = Words.of(phrase).stream().map(Words.Word::folded).toArray(String[]::new);
        if (words.length == 0) {
            throw new IllegalArgumentException("phrase has no words: " + phrase);
        }
        var compiled = new Phrase<>(words, phrase.strip().endsWith("*"), payload);
        if (compiled.openEnded() && words.length == 1) {
            prefixFirst.add(compiled);
        } else {
            byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(compiled);
        }
    }

    /** Calls {@code onMatch} with the payload and the [first word, last word] indexes of every hit. */
    void forEachMatch(List<Words.Word> words, BiConsumer<T, int[]> onMatch) {
        for (int i = 0; i < words.size(); i++) {
            var word = words.get(i).folded();
            var exact = byFirstWord.get(word);
            if (exact != null) {
                for (var phrase : exact) {
                    tryAt(words, i, phrase, onMatch);
                }
            }
            for (var phrase : prefixFirst) {
                if (word.startsWith(phrase.words()[0])) {
                    onMatch.accept(phrase.payload(), new int[] {i, i});
                }
            }
        }
    }

    private static <T> void tryAt(List<Words.Word> words, int i, Phrase<T> phrase, BiConsumer<T, int[]> onMatch) {
        var parts = phrase.words();
        if (i + parts.length > words.size()) {
            return;
        }
        for (int k = 1; k < parts.length; k++) {
            var word = words.get(i + k).folded();
            boolean last = k == parts.length - 1;
            if (last && phrase.openEnded() ? !word.startsWith(parts[k]) : !word.equals(parts[k])) {
                return;
            }
        }
        onMatch.accept(phrase.payload(), new int[] {i, i + parts.length - 1});
    }
}
