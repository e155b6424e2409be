package org.upgradeplanner.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FoldingTest {

    static void assertWellFolded(String ics) {
        assertTrue(ics.endsWith("\r\n"), "ends with CRLF");
        for (String line : ics.split("\r\n", -1)) {
            assertTrue(!line.contains("\n") && !line.contains("\r"), "bare line break in: " + line);
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "over 75 octets: " + line);
        }
    }

    private static String unfold(String folded) {
        return folded.replace("\r\n ", "");
    }

    @Test
    void longAsciiLinesFoldAt75Octets() {
        String line = "DESCRIPTION:" + "x".repeat(200);
        String folded = Folding.fold(line + "\r\n");
        assertWellFolded(folded);
        assertEquals(75, folded.indexOf("\r\n"));
        assertEquals(line + "\r\n", unfold(folded));
    }

    @Test
    void multiByteCharactersAreCountedInOctetsAndNeverSplit() {
        String line = "SUMMARY:" + "ü".repeat(40) + "日本語".repeat(10) + "😀".repeat(10);
        String folded = Folding.fold(line + "\n");
        assertWellFolded(folded);
        assertEquals(line + "\r\n", unfold(folded), "unfolding restores every character");
        assertTrue(folded.split("\r\n")[0].length() < 75, "characters, not octets, would have allowed more");
    }

    @Test
    void shortLinesAndLineEndsAreNormalised() {
        assertEquals("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", Folding.fold("BEGIN:VCALENDAR\nEND:VCALENDAR\n"));
    }
}
