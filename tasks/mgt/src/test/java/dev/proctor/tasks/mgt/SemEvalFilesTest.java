package dev.proctor.tasks.mgt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.api.DataFormatException;
import dev.proctor.tasks.mgt.data.MgtRow;
import dev.proctor.tasks.mgt.data.SemEvalFiles;
import dev.proctor.tasks.mgt.data.Subtask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SemEval-2024 Task 8 layout, on rows written here in that layout, and every way a row can be wrong. */
class SemEvalFilesTest {

    @Test
    void readsTheRepositoryLayoutAndTheFlatOne(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("subtaskA").resolve("data"));
        Files.writeString(repo.resolve("subtaskA_dev_multilingual.jsonl"),
                "{\"text\": \"天地玄黄\", \"label\": 0, \"model\": \"human\", \"source\": \"chinese\", \"id\": 7}\n"
                        + "{\"text\": \"The machine wrote this.\", \"label\": 1, \"model\": \"bloomz\", \"source\": "
                        + "\"wikipedia\", \"id\": 8}\n\n");
        Files.writeString(dir.resolve("subtaskC_test.jsonl"),
                "{\"id\": \"a1b2\", \"text\": \"one two  three four\", \"label\": 3}\n");
        assertTrue(SemEvalFiles.holds(dir, Subtask.A));
        assertTrue(SemEvalFiles.holds(dir, Subtask.C));
        assertTrue(!SemEvalFiles.holds(dir, Subtask.B));
        Path a = SemEvalFiles.find(dir, Subtask.A, "dev", "multilingual").orElseThrow();
        List<MgtRow> rows = SemEvalFiles.read(a, Subtask.A);
        assertEquals("7", rows.get(0).id());
        assertEquals("bloomz", rows.get(1).model());
        assertEquals(2, rows.get(1).at().line());
        MgtRow c = SemEvalFiles.read(SemEvalFiles.find(dir, Subtask.C, "test", "").orElseThrow(), Subtask.C).get(0);
        assertEquals(5, c.words().length, "split(\" \") keeps the empty word between two spaces");
        assertEquals(3, c.label());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "A|{\"id\": 1, \"label\": 0}|:1:|expected a field \"text\"",
            "A|{\"id\": 1, \"text\": \"x\", \"label\": 2}|:1:|expected a subtaskA label from 0 to 1, found 2",
            "B|{\"id\": 1, \"text\": \"x\", \"label\": 6}|:1:|from 0 to 5, found 6",
            "A|{\"id\": 1, \"text\": \"x\", \"label\": \"1\"}|:1:|expected \"label\" to be an integer",
            "A|{\"id\": 1, \"text\": 5, \"label\": 1}|:1:|expected \"text\" to be a string",
            "A|{\"id\": [1], \"text\": \"x\", \"label\": 1}|:1:|expected \"id\" to be a string or an integer",
            "C|{\"id\": \"u\", \"text\": \"two words\", \"label\": 3}|:1:|from 0 to the text's 2 words, found 3",
            "A|{\"id\": 1, \"text\": \"x\", \"label\": 1|:1:|malformed JSON"})
    void aBadRowIsRefusedNamingFileAndLine(Subtask subtask, String row, String line, String message,
                                          @TempDir Path dir) throws Exception {
        Path file = dir.resolve(subtask.fileName("dev", "monolingual"));
        Files.writeString(file, row + "\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SemEvalFiles.read(file, subtask));
        assertTrue(e.getMessage().contains(file + line)
                && e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aRepeatedIdIsRefusedWithBothLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("subtaskB_train.jsonl");
        Files.writeString(file, "{\"id\": 4, \"text\": \"a\", \"label\": 1}\n{\"id\": 5, \"text\": \"b\", \"label\": 2}\n"
                + "{\"id\": 4, \"text\": \"c\", \"label\": 3}\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> SemEvalFiles.read(file, Subtask.B));
        assertTrue(e.getMessage().contains(file + ":3:") && e.getMessage().contains("first at line 1"), e.getMessage());
    }
}
