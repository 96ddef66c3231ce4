package dev.proctor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proctor.api.task.PromptFormat;
import dev.proctor.api.task.Split;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedChoiceTest {

    @Test
    void findsByIdIgnoringBlanksAndCase() {
        assertEquals(PromptFormat.LM_EVAL, NamedChoice.lookup(PromptFormat.class, "prompt format", "lm-eval"));
        assertEquals(PromptFormat.LM_EVAL, NamedChoice.lookup(PromptFormat.class, "prompt format", " LM-Eval "));
        assertEquals(Split.TEST, Split.parse("test"));
    }

    @Test
    void anUnknownNameListsTheIdsNotTheConstantNames() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> Split.parse("train"));
        assertEquals("unknown split 'train'; known splits: dev, test, val", e.getMessage());
        assertThrows(UnknownNameException.class, () -> PromptFormat.parse("LM_EVAL"));
        assertEquals(List.of("dev", "val", "test"), NamedChoice.ids(Split.class));
    }
}
