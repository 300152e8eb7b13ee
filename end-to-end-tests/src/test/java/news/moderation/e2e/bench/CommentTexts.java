package news.moderation.e2e.bench;

import java.util.SplittableRandom;

/**
 * Reader comments of about 300 characters made of sentences written for this harness, one in ten with an
 * insult the default rules catch, so the engine does its usual mix of quick passes and full checks.
 */
final class CommentTexts {

    static final String[] CLEAN = {
            "The new timetable cuts the last bus from the station to half past ten.",
            "I read the whole report and the figures for the east side do not add up.",
            "My daughter's school lost two teachers this year and nobody replaced them.",
            "Good reporting, thank you for asking the council the questions we could not.",
            "The bridge repairs were promised for spring and it is nearly winter again.",
            "Parking fees went up twice since January while the car park still floods.",
            "Has anyone asked the water company why the bills rose by a fifth?",
            "We need more cycle lanes, but not at the cost of the market on Saturdays.",
            "The article leaves out that the plan was approved before the consultation ended.",
            "My grandfather worked at that factory for thirty years; it is sad to see it go.",
            "Where exactly will the money for the new library come from?",
            "The mayor said the same thing four years ago, word for word.",
            "Fair point about the rents, though wages in town have not moved at all.",
            "Please publish the full list of roads that will be resurfaced this summer.",
            "I was at the meeting last night and the room was full by seven.",
            "Interesting piece, but the chart on page two has its labels swapped.",
            "The clinic on Hill Street now opens only three mornings a week.",
            "Kids have nowhere to go in the evenings since the youth centre closed.",
            "The numbers in the second paragraph are from last year, not this one.",
            "Well done to the volunteers who cleaned up the river bank on Sunday.",
            "Energy prices will decide the next election here, not the stadium.",
            "Twelve minutes of delays every morning adds up to a working day a month.",
            "The old post office would make a fine community hall if someone paid for the roof.",
            "I disagree with the writer, but the facts in the piece are well checked.",
    };
    static final String[] ABUSIVE = {
            "Only the dwarf could believe a plan like this would work.",
            "Whoever wrote this is an idiot and should not be allowed near a keyboard.",
            "What a moron, he has not read a single page of the budget.",
            "The dwarf in the palace will cut the gas again before Christmas.",
            "You are a complete idiot if you think the fees will come down.",
            "Shut up and read the report before you comment, you clown.",
    };

    private CommentTexts() {
    }

    /** About 300 characters, 240 to 380; an abusive one hides its insult among ordinary sentences. */
    static String next(SplittableRandom random, boolean abusive) {
        int target = 240 + random.nextInt(140);
        var text = new StringBuilder(target + 100);
        int insultAt = abusive ? random.nextInt(3) : -1;
        for (int sentence = 0; text.length() < target; sentence++) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(sentence == insultAt ? ABUSIVE[random.nextInt(ABUSIVE.length)]
                    : CLEAN[random.nextInt(CLEAN.length)]);
        }
        return text.toString();
    }
}
