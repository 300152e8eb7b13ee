package news.moderation.service.rules;

import java.util.List;

/**
 * What the rules decided about one text. Matches below the review threshold are kept on an
 * {@link Approve} so that they can be shown and counted.
 *
 * <pre>{@code
 * Verdict verdict = engine.evaluate(text);
 * if (verdict instanceof Verdict.Review review) queue(review.matches());
 * }</pre>
 */
public sealed interface Verdict {

    List<Match> matches();

    String ruleSetVersion();

    /** The highest severity among the matches, 0 when there are none. */
    default int score() {
        return matches().stream().mapToInt(Match::severity).max().orElse(0);
    }

    record Approve(List<Match> matches, String ruleSetVersion) implements Verdict {
        public Approve {
            matches = List.copyOf(matches);
        }
    }

    record Review(List<Match> matches, String ruleSetVersion) implements Verdict {
        public Review {
            matches = List.copyOf(matches);
        }
    }

    record Hide(List<Match> matches, String ruleSetVersion) implements Verdict {
        public Hide {
            matches = List.copyOf(matches);
        }
    }
}
