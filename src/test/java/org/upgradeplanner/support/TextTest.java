package org.upgradeplanner.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void lineBreaksBecomeOneLfAndTabsStay() {
        assertEquals("a\nb\nc\td", Text.multiLine("description", "  a\r\nb\rc\td \n", 100));
        assertNull(Text.multiLine("description", null, 100));
    }

    @Test
    void controlCharactersAreRefusedNamingTheField() {
        for (String bad :
                new String[] {"a\u0001b", "a\u0000", "x\u001b[31m", "a\u007fb", "line\u2028sep", "lone \ud800 surrogate"
                }) {
            PlannerException e =
                    assertThrows(PlannerException.class, () -> Text.multiLine("description", bad, 100), bad);
            assertEquals("description", e.errors().get(0).field());
        }
        assertEquals("emoji 🙂 fine", Text.multiLine("description", "emoji 🙂 fine", 100));
    }

    @Test
    void oneLineRefusesLineBreaksAndLimitsTheLength() {
        assertThrows(PlannerException.class, () -> Text.oneLine("reason", "two\nlines", 100));
        assertThrows(PlannerException.class, () -> Text.oneLine("reason", "x".repeat(101), 100));
        assertEquals("one line", Text.oneLine("reason", " one line ", 100));
    }

    @Test
    void printableKeepsLinesAndDropsControlCharacters() {
        assertEquals("a\nb\nc\td", Text.printable("a\r\nb\rc\td\u0001\u001b"));
    }
}
