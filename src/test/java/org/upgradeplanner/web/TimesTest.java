package org.upgradeplanner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final Instant START = Instant.parse("2026-12-11T20:00:00.123Z");

    @Test
    void anInstantReadsInUtcWithItsMachineValueBeside() {
        assertEquals("2026-12-11T20:00:00Z", Times.iso(START));
        assertEquals("Fri 11 Dec 2026, 20:00 UTC", Times.utc(START));
        assertEquals("Fri 11 Dec 2026, 20:00", Times.utcStart(START));
        assertEquals("22:00 UTC", Times.utcEnd(Instant.parse("2026-12-11T22:00:00Z"), START));
        assertEquals("Sat 12 Dec 2026, 02:00 UTC", Times.utcEnd(Instant.parse("2026-12-12T02:00:00Z"), START));
    }

    @Test
    void codesReadAsWords() {
        assertEquals("Outage required", Labels.of("OUTAGE_REQUIRED"));
        assertEquals("Up to date", Labels.of("UP_TO_DATE"));
        assertEquals("In progress", Labels.of("IN_PROGRESS"));
        assertEquals("Overridden", Labels.of("OVERRIDE"));
        assertEquals("admin", Labels.of("admin"));
        assertEquals("token.issue", Labels.of("token.issue"));
    }
}
