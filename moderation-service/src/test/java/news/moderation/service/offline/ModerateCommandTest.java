package news.moderation.service.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static news.moderation.service.offline.Verdicts.integer;
import static news.moderation.service.offline.Verdicts.matches;
import static news.moderation.service.offline.Verdicts.parse;
import static news.moderation.service.offline.Verdicts.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

class ModerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesOneVerdictLinePerCommentInInputOrder() {
        var input = """
                {"commentId":"c-1","threadId":"t-1","author":"Ann","text":"Lovely weather for the regatta today."}
                {"commentId":"c-2","threadId":"t-1","text":"you are an utter fool","postedAt":"2026-01-01T10:00:00Z"}
                {"commentId":"c-3","text":"I will kill you"}
                """;

        var run = CommandRun.of(input, "moderate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(3);
        var first = parse(run.outLines().get(0));
        var second = parse(run.outLines().get(1));
        var third = parse(run.outLines().get(2));
        assertThat(first).containsEntry("commentId", "c-1").containsEntry("decision", "APPROVE");
        assertThat(integer(first, "score")).isZero();
        assertThat(matches(first)).isEmpty();
        assertThat(second).containsEntry("commentId", "c-2").containsEntry("decision", "REVIEW");
        assertThat(matches(second).get(0)).containsOnlyKeys("ruleId", "category", "severity", "start", "end", "text")
                .containsEntry("ruleId", "insult.directed").containsEntry("category", "insult")
                .containsEntry("text", "utter fool");
        assertThat(third).containsEntry("decision", "HIDE");
        assertThat(integer(third, "score")).isEqualTo(5);
        assertThat(ruleIds(third)).contains("threat.direct");
        assertThat((String) first.get("ruleSetVersion"))
                .matches("default-en@[^+]+\\+default-ru@[^+]+\\+default-uk@[^#]+#[0-9a-f]{12}")
                .isEqualTo(second.get("ruleSetVersion"));
    }

    @Test
    void offsetsPointAtTheWordsInTheTextAsWritten() {
        var text = "Well 😀 “quoted” — you are a m0r0n, the d.w.a.r.f said, and ты дебил\ttoo";
        var line = "{\"commentId\":\"c-9\",\"text\":\"" + text.replace("\t", "\\t").replace("\"", "\\\"") + "\"}";

        var run = CommandRun.of(line, "moderate");

        var found = matches(parse(run.outLines().get(0)));
        assertThat(found).extracting(m -> m.get("ruleId")).contains("insult.general", "epithet.dwarf", "insult.ru");
        for (var match : found) {
            int start = integer(match, "start");
            int end = integer(match, "end");
            assertThat(text.substring(start, end)).isEqualTo(match.get("text"));
        }
    }

    @Test
    void rejectsInvalidLinesByNumberAndKeepsGoing() {
        var tooLong = "x".repeat(10_001);
        var input = String.join("\n",
                "{\"commentId\":\"ok-1\",\"text\":\"fine words\"}",
                "{\"commentId\":\"bad-json\",\"text\":",
                "{\"text\":\"no id here\"}",
                "{\"commentId\":\"blank\",\"text\":\"  \\n\\t \"}",
                "",
                "{\"commentId\":\"long\",\"text\":\"" + tooLong + "\"}",
                "[1,2,3]",
                "{\"commentId\":\"no-text\"}",
                "{\"commentId\":\"number\",\"text\":42}",
                "{\"commentId\":\"ok-2\",\"text\":\"more fine words\"}") + "\n";

        var run = CommandRun.of(input, "moderate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).extracting(l -> parse(l).get("commentId")).containsExactly("ok-1", "ok-2");
        assertThat(run.errLines()).containsExactly(
                "line 2: not valid JSON: unexpected end of line, expected a value at column 32",
                "line 3: commentId is required",
                "line 4: text must not be empty or only whitespace (commentId blank)",
                "line 6: text is longer than 10000 characters (commentId long)",
                "line 7: expected a JSON object, got an array",
                "line 8: text is required (commentId no-text)",
                "line 9: text must be a string, got a number (commentId number)");
    }

    @Test
    void readsTheInputFileNamedOnTheCommandLine() throws IOException {
        var input = dir.resolve("comments.jsonl");
        Files.writeString(input, "\uFEFF{\"commentId\":\"f-1\",\"text\":\"what a load of bullshit\"}\r\n",
                StandardCharsets.UTF_8);

        var run = CommandRun.of("", "moderate", input.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(parse(run.outLines().get(0))).containsEntry("commentId", "f-1").containsEntry("decision", "REVIEW");
    }

    @Test
    void aMissingInputFileIsAnError() {
        var run = CommandRun.of("", "moderate", dir.resolve("absent.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such file").contains("absent.jsonl");
    }

    @Test
    void anExtraPackAddsItsRules() throws IOException {
        var pack = dir.resolve("house.yml");
        Files.writeString(pack, """
                pack: house-rules
                version: "1"
                rules:
                  - id: house.competitor
                    category: spam
                    severity: 2
                    terms: ["acme widgets*"]
                """);
        var input = "{\"commentId\":\"h-1\",\"text\":\"Buy ACME Widgets instead\"}\n";

        var without = CommandRun.of(input, "moderate");
        var with = CommandRun.of(input, "moderate", "--rules", pack.toString());

        assertThat(parse(without.outLines().get(0))).containsEntry("decision", "APPROVE");
        var verdict = parse(with.outLines().get(0));
        assertThat(verdict).containsEntry("decision", "REVIEW");
        assertThat(matches(verdict).get(0)).containsEntry("ruleId", "house.competitor").containsEntry("category", "spam")
                .containsEntry("text", "ACME Widgets");
        assertThat((String) verdict.get("ruleSetVersion")).contains("+house-rules@1#");
    }

    @Test
    void aBadPackIsReportedWithFileAndLineAndNothingIsModerated() throws IOException {
        var pack = dir.resolve("broken.yml");
        Files.writeString(pack, """
                pack: broken
                rules:
                  - id: house.rude
                    category: rudeness
                    severity: 2
                    terms: [blah]
                """);

        var run = CommandRun.of("{\"commentId\":\"b-1\",\"text\":\"blah\"}\n", "moderate", "--rules", pack.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(pack + ":4: rule 'house.rude': unknown category 'rudeness'");
    }

    @Test
    void aPackRepeatingADefaultRuleIdIsRefused() throws IOException {
        var pack = dir.resolve("clash.yml");
        Files.writeString(pack, "pack: clash\nrules:\n  - {id: insult.general, category: insult, severity: 2, terms: [x1]}\n");

        var run = CommandRun.of("", "moderate", "--rules", pack.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("insult.general").contains("duplicate id");
    }

    @Test
    void thresholdsCanBeMoved() {
        var input = "{\"commentId\":\"t-1\",\"text\":\"you are an idiot\"}\n";

        assertThat(parse(CommandRun.of(input, "moderate").outLines().get(0))).containsEntry("decision", "REVIEW");
        assertThat(parse(CommandRun.of(input, "moderate", "--review-at", "4").outLines().get(0)))
                .containsEntry("decision", "APPROVE");
        assertThat(parse(CommandRun.of(input, "moderate", "--hide-at=3").outLines().get(0)))
                .containsEntry("decision", "HIDE");
    }

    @Test
    void aReplyQuotingItsParentIsFlaggedButNotHiddenForTheQuote() {
        var input = """
                {"commentId":"p-1","text":"Everyone who voted for this should be shot."}
                {"commentId":"p-2","parentId":"p-1","text":"> Everyone who voted for this should be shot.\\nThat is no way to argue."}
                {"commentId":"p-3","parentText":"Everyone who voted for this should be shot.","text":"\\"Everyone who voted for this should be shot\\" - really?"}
                {"commentId":"p-4","text":"> Everyone who voted for this should be shot.\\nThat is no way to argue."}
                """;

        var decisions = CommandRun.of(input, "moderate").outLines().stream().map(l -> parse(l).get("decision")).toList();

        assertThat(decisions).containsExactly("HIDE", "REVIEW", "REVIEW", "HIDE");
    }

    @Test
    void badCommandLinesExitWithTwoAndUsage() {
        assertThat(CommandRun.of("", "moderate", "--frobnicate").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of("", "moderate", "--rules").err()).contains("--rules needs a value");
        var inverted = CommandRun.of("", "moderate", "--review-at", "4", "--hide-at", "3");
        assertThat(inverted.exitCode()).isEqualTo(2);
        assertThat(inverted.err()).contains("--hide-at (3) must not be below --review-at (4)").contains("usage:");
        assertThat(CommandRun.of("", "moderate", "a.jsonl", "b.jsonl").exitCode()).isEqualTo(2);
        var help = CommandRun.of("", "moderate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("usage:");
    }

    @Test
    void anEmptyInputWritesNothingAndSucceeds() {
        var run = CommandRun.of("\n\n", "moderate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void outputStaysValidJsonWhateverTheExcerptHolds() {
        var text = "idiot\u2028\"quoted\"\\ \u0001 \ud800 end";
        var builder = new StringBuilder();
        Json.string(builder, text);

        Object back = parse("{\"s\":" + builder + "}").get("s");

        assertThat(builder.toString()).doesNotContain("\u2028").doesNotContain("\u0001");
        assertThat(back).isEqualTo(text);
        assertThat(List.of(builder.toString())).allMatch(s -> !s.contains("\n"));
    }

    @Test
    void manyLinesStreamThrough() {
        var input = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            input.append("{\"commentId\":\"s-").append(i).append("\",\"text\":\"comment number ").append(i)
                    .append(i % 100 == 0 ? " you moron" : "").append("\"}\n");
        }

        var run = CommandRun.of(input.toString(), "moderate");

        assertThat(run.outLines()).hasSize(5_000);
        assertThat(run.outLines().stream().map(Verdicts::parse).filter(v -> v.get("decision").equals("REVIEW")))
                .hasSize(50);
    }
}
