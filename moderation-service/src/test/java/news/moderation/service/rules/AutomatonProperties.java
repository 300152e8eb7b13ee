package news.moderation.service.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The automaton finds what a naive search finds, however a text is split between its two chains. */
class AutomatonProperties {

    @Provide
    Arbitrary<List<String>> patterns() {
        return Arbitraries.strings().withChars("ab c").ofMinLength(1).ofMaxLength(9).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> texts() {
        // a small alphabet, so that patterns occur often and overlap; lengths around the two-chain threshold
        return Arbitraries.strings().withChars("ab c").ofMaxLength(200);
    }

    @Property(tries = 3000)
    void reportsEveryOccurrenceOnceAtItsLastChar(@ForAll("patterns") List<String> patterns, @ForAll("texts") String text) {
        var automaton = new Automaton(patterns);
        var found = new ArrayList<String>();
        automaton.scan(text.toCharArray(), text.length(), (pattern, end) -> found.add(pattern + "@" + end));

        var expected = new ArrayList<String>();
        for (int end = 0; end < text.length(); end++) {
            for (int p = 0; p < patterns.size(); p++) {
                var pattern = patterns.get(p);
                int start = end + 1 - pattern.length();
                if (start >= 0 && text.startsWith(pattern, start)) {
                    expected.add(p + "@" + end);
                }
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }
}
