package dev.proctor.datafiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.api.task.mc.Item;
import dev.proctor.api.task.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McFilesTest {
    private static final String CMMLU_HEADER = ",Question,A,B,C,D,Answer\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private DataFormatException fails(Path file, McColumns columns, GoldPolicy gold) {
        return assertThrows(DataFormatException.class,
                () -> McFiles.readCsvWithHeader(file, columns, "s", Split.TEST, gold));
    }

    private static void assertMessage(DataFormatException e, Path file, long line, String expected) {
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + (line > 0 ? ":" + line : "") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void cmmluLayoutGivesItemsWithIdsGoldAndSource() throws IOException {
        Path f = write("x.csv", CMMLU_HEADER + "0,问题一,a,b,c,d,B\n1,\"问题\n二\",a,b,c,d,D\n");
        List<Item> items = McFiles.readCsvWithHeader(f, McColumns.CMMLU_CSV, "x", Split.DEV, GoldPolicy.REQUIRED);
        assertEquals(2, items.size());
        assertEquals("x/dev/1", items.get(1).id());
        assertEquals(List.of(1, 3), items.stream().map(Item::gold).toList());
        assertEquals("问题\n二", items.get(1).question());
        assertEquals(3, items.get(1).source().line());
    }

    @Test
    void wrongColumnCountNamesTheLine() throws IOException {
        Path f = write("short.csv", CMMLU_HEADER + "0,q,a,b,c,d,A\n1,q,a,b,c,A\n");
        assertMessage(fails(f, McColumns.CMMLU_CSV, GoldPolicy.REQUIRED), f, 3,
                "expected 7 columns (as in the header on line 1), found 6");
    }

    @Test
    void missingHeaderColumnNamesTheExpectedHeader() throws IOException {
        Path f = write("hdr.csv", ",Question,A,B,C,Answer\n0,q,a,b,c,A\n");
        assertMessage(fails(f, McColumns.CMMLU_CSV, GoldPolicy.REQUIRED), f, 1,
                "expected a header row with the columns Question, A, B, C, D, Answer, found ',Question,A,B,C,Answer'"
                        + " (missing D)");
    }

    @Test
    void answerOutsideTheChoicesNamesTheAllowedLetters() throws IOException {
        Path f = write("e.csv", CMMLU_HEADER + "0,q,a,b,c,d,A\n1,q,a,b,c,d,E\n");
        assertMessage(fails(f, McColumns.CMMLU_CSV, GoldPolicy.OPTIONAL), f, 3,
                "expected an answer letter A, B, C, D, found 'E'");
    }

    @Test
    void missingGoldIsAnErrorOnlyWhereRequired() throws IOException {
        Path f = write("g.csv", CMMLU_HEADER + "0,q,a,b,c,d,\n");
        assertMessage(fails(f, McColumns.CMMLU_CSV, GoldPolicy.REQUIRED), f, 2,
                "expected an answer letter A, B, C, D, found an empty answer");
        Item item = McFiles.readCsvWithHeader(f, McColumns.CMMLU_CSV, "s", Split.TEST, GoldPolicy.OPTIONAL).get(0);
        assertEquals(Item.NO_GOLD, item.gold());
    }

    @Test
    void headerOnlyOrEmptyFilesAreErrors() throws IOException {
        Path headerOnly = write("h.csv", CMMLU_HEADER);
        assertMessage(fails(headerOnly, McColumns.CMMLU_CSV, GoldPolicy.REQUIRED), headerOnly, 0,
                "expected at least one row after the header");
        Path empty = write("empty.csv", "");
        assertMessage(fails(empty, McColumns.CMMLU_CSV, GoldPolicy.REQUIRED), empty, 0, "found an empty file");
    }

    @Test
    void positionalCsvChecksEveryRowAgainstTheFirst() throws IOException {
        Path f = write("m.csv", "q1,a,b,c,d,C\n\"q2, with comma\",a,b,c,d,A\nq3,a,b,c,d,A,extra\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> McFiles.readCsvWithoutHeader(f, McColumns.MMLU_CSV, "m", Split.TEST, GoldPolicy.REQUIRED));
        assertMessage(e, f, 3, "expected 6 columns (as on line 1), found 7");
        Path ok = write("ok.csv", "q1,a,b,c,d,C\n\"q2, with comma\",a,b,c,d,A\n");
        List<Item> items = McFiles.readCsvWithoutHeader(ok, McColumns.MMLU_CSV, "m", Split.TEST, GoldPolicy.REQUIRED);
        assertEquals("q2, with comma", items.get(1).question());
        assertEquals(2, items.get(0).gold());
    }

    @Test
    void jsonLinesWithKeysOrAChoiceArrayAndIndexAnswers() throws IOException {
        Path keys = write("k.jsonl", "{\"id\": 0, \"question\": \"q\", \"A\": \"a\", \"B\": \"b\", \"C\": \"c\","
                + " \"D\": \"d\", \"answer\": \"\"}\n");
        Item noGold = McFiles.readJsonLines(keys, McColumns.M3KE_JSON, "k", Split.TEST, GoldPolicy.OPTIONAL).get(0);
        assertEquals(Item.NO_GOLD, noGold.gold());
        assertEquals(List.of("a", "b", "c", "d"), noGold.choices());

        Path arr = write("arr.jsonl", "{\"question\": \"q\", \"choices\": [\"x\", \"y\", 3], \"answer\": 2}\n");
        McColumns byIndex = new McColumns("question", List.of("choices"), "answer", AnswerFormat.INDEX);
        Item item = McFiles.readJsonLines(arr, byIndex, "a", Split.TEST, GoldPolicy.REQUIRED).get(0);
        assertEquals(List.of("x", "y", "3"), item.choices());
        assertEquals(2, item.gold());

        Path bad = write("bad.jsonl", "{\"question\": \"q\", \"choices\": [\"x\", \"y\"], \"answer\": 2}\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> McFiles.readJsonLines(bad, byIndex, "a", Split.TEST, GoldPolicy.REQUIRED));
        assertMessage(e, bad, 1, "expected a 0-based answer index 0, 1, found '2'");
    }

    @Test
    void jsonLineWithoutAChoiceKeyNamesTheKey() throws IOException {
        Path f = write("c.jsonl", "{\"question\": \"q\", \"A\": \"a\", \"B\": \"b\", \"C\": \"c\", \"answer\": \"A\"}\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> McFiles.readJsonLines(f, McColumns.M3KE_JSON, "c", Split.DEV, GoldPolicy.REQUIRED));
        assertMessage(e, f, 1, "expected a key \"D\"");
    }
}
