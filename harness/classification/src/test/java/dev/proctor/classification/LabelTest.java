package dev.proctor.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels sort as numpy sorts them for sklearn's unique_labels. */
class LabelTest {

    @Test
    void integersSortByValue() {
        assertEquals(List.of(Label.of(-1), Label.of(2), Label.of(9), Label.of(10)),
                Label.sortedUnion(List.of(Label.of(10), Label.of(2)), List.of(Label.of(9), Label.of(-1), Label.of(2))));
    }

    @Test
    void stringsSortByCodePointNotByUtf16Unit() {
        List<Label> sorted = Label.sortedUnion(List.of(Label.of("b"), Label.of("é"), Label.of("a")),
                List.of(Label.of("Z"), Label.of("B"), Label.of("ab"), Label.of("")));
        assertEquals(List.of("", "B", "Z", "a", "ab", "b", "é"), sorted.stream().map(Label::text).toList());
        String fullwidth = "\uFF01"; // U+FF01
        String emoji = "\uD83D\uDE00"; // U+1F600, two UTF-16 units starting 0xD83D
        assertTrue(emoji.compareTo(fullwidth) < 0, "Java's String order puts U+1F600 first");
        assertEquals(List.of(fullwidth, emoji),
                Label.sortedUnion(List.of(Label.of(emoji), Label.of(fullwidth))).stream().map(Label::text).toList(),
                "numpy's (UCS4) order puts U+FF01 first");
    }

    @Test
    void aMixOfIntegersAndStringsIsRefusedAsSklearnRefusesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Label.sortedUnion(List.of(Label.of(1)), List.of(Label.of("1"))));
        assertTrue(e.getMessage().contains("Mix of label input types (string and number)"), e.getMessage());
    }

    @Test
    void aCommandLineLabelIsReadAsTheDataIs() {
        assertEquals(Label.of(1), Label.parse(" 1", true));
        assertEquals(Label.of("1"), Label.parse("1", false));
        assertThrows(IllegalArgumentException.class, () -> Label.parse("one", true));
    }
}
