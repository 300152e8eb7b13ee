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

    /** The highest effective severity among the matches (quoted ones capped below hiding), 0 when none. */
    int score();

    Decision decision();

    record Approve(List<Match> matches, int score, String ruleSetVersion) implements Verdict {
        public Approve {
            matches = List.copyOf(matches);
        }

        @Override
        public Decision decision() {
            return Decision.APPROVE;
        }
    }

    record Review(List<Match> matches, int score, String ruleSetVersion) implements Verdict {
        public Review {
            matches = List.copyOf(matches);
        }

        @Override
        public Decision decision() {
            return Decision.REVIEW;
        }
    }

    record Hide(List<Match> matches, int score, String ruleSetVersion) implements Verdict {
        public Hide {
            matches = List.copyOf(matches);
        }

        @Override
        public Decision decision() {
            return Decision.HIDE;
        }
    }
}
