package news.moderation.service.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluateCommandTest {

    @TempDir
    Path shared;

    @Test
    void checksSeedExpectationsIncludingRepliesAndInvalidComments() throws IOException {
        seeds("""
                {"commentId":"s-1","threadId":"t","parentId":null,"text":"The harbour reopened after the storm."}
                {"commentId":"s-2","threadId":"t","parentId":"s-1","text":"Whoever planned this should be shot."}
                {"commentId":"s-3","threadId":"t","parentId":"s-2","text":"> Whoever planned this should be shot.\\nCalm down."}
                {"commentId":"s-4","threadId":"t","parentId":"s-1","text":""}
                {"commentId":"s-5","threadId":"t","parentId":"s-1","text":"What a pathetic clown you are"}
                """, """
                {"commentId":"s-1","expect":"clean"}
                {"commentId":"s-2","expect":"hide"}
                {"commentId":"s-3","expect":"flag"}
                {"commentId":"s-4","expect":"invalid"}
                {"commentId":"s-5","expect":"any"}
                """);

        var run = CommandRun.of("", "evaluate", "--shared", shared.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("expectations met: 5/5").contains("disagreements: none")
                .contains("APPROVE 1, REVIEW 2, HIDE 1, INVALID 1");
    }

    @Test
    void listsEachDisagreementWithWhatMatched() throws IOException {
        seeds("""
                {"commentId":"d-1","text":"what an idiot"}
                {"commentId":"d-2","text":"A calm and friendly note."}
                {"commentId":"d-3","text":"   "}
                """, """
                {"commentId":"d-1","expect":"clean"}
                {"commentId":"d-2","expect":"flag"}
                {"commentId":"d-3","expect":"clean"}
                {"commentId":"d-4","expect":"clean"}
                """);

        var out = CommandRun.of("", "evaluate", "--shared", shared.toString()).out();

        assertThat(out).contains("expectations met: 0/4")
                .contains("d-1: expected clean, got REVIEW [insult.general \"idiot\" (3)]")
                .contains("d-2: expected flag, got APPROVE")
                .contains("d-3: expected clean, got INVALID (text must not be empty or only whitespace)")
                .contains("d-4: expected clean, but there is no such comment");
    }

    @Test
    void scoresEachLabelledDatasetForTheAbusiveClass() throws IOException {
        Files.createDirectories(shared.resolve("datasets"));
        Files.writeString(shared.resolve("datasets/tiny.jsonl"), """
                {"id":"1","text":"you absolute moron","label":"abusive","orig_label":"OFF"}
                {"id":"2","text":"shut up, loser","label":"abusive","orig_label":"OFF"}
                {"id":"3","text":"I think the plan is reasonable","label":"abusive","orig_label":"OFF"}
                {"id":"4","text":"what a lovely photo","label":"clean","orig_label":"NOT"}
                {"id":"5","text":"this is bullshit","label":"clean","orig_label":"NOT"}
                {"id":"6","text":"see you at the match","label":"clean","orig_label":"NOT"}
                {"id":"7","text":"","label":"clean","orig_label":"NOT"}
                not json at all
                """);

        var out = CommandRun.of("", "evaluate", "--shared", shared.toString()).out();

        // TP 2 (1, 2), FN 1 (3), FP 1 (5), TN 2 (4, 6): precision 2/3, recall 2/3, FP rate 1/3
        assertThat(out).contains("tiny.jsonl: 6 texts (3 abusive, 3 clean, 2 skipped as unreadable or invalid)")
                .contains("precision 0.667  recall 0.667  F1 0.667")
                .contains("false-positive rate): 0.333 (1 of 3)")
                .contains("TP 2  FP 1  FN 1  TN 2")
                .contains("flagged by original label: NOT 1/3, OFF 2/3")
                .containsPattern("insult.general +1 / 0");
        assertThat(out).contains("seeds: ").contains("skipped");
    }

    @Test
    void printsExamplesOfMistakesWhenAsked() throws IOException {
        Files.createDirectories(shared.resolve("datasets"));
        Files.writeString(shared.resolve("datasets/two.jsonl"), """
                {"id":"1","text":"a quietly menacing remark","label":"abusive"}
                {"id":"2","text":"holy shit that was close","label":"clean"}
                """);

        var out = CommandRun.of("", "evaluate", "--shared", shared.toString(), "--examples", "5").out();

        assertThat(out).contains("false positives (first 1):").contains("holy shit that was close  [profanity.strong")
                .contains("false negatives (first 1):").contains("a quietly menacing remark");
    }

    @Test
    void skipsCleanlyWhenTheSharedDirectoryIsAbsent() {
        var run = CommandRun.of("", "evaluate", "--shared", shared.resolve("nowhere").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no shared directory at").contains("nothing to evaluate");
    }

    @Test
    void takesNoInputFile() {
        assertThat(CommandRun.of("", "evaluate", "some.jsonl").exitCode()).isEqualTo(2);
    }

    private void seeds(String threads, String expectations) throws IOException {
        Files.createDirectories(shared.resolve("corpus"));
        Files.writeString(shared.resolve("corpus/seed-threads.jsonl"), threads);
        Files.writeString(shared.resolve("corpus/seed-expectations.jsonl"), expectations);
    }
}
