package org.upgradeplanner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.host.FleetReport;

class BurnDownTest {

    private static final LocalDate TODAY = LocalDate.of(2016, 6, 1);

    @Test
    void windowsTakeTheirHostsOffAtTheirEndAndEolsAreMarked() {
        FleetReport.FleetSummary fleet = new FleetReport.FleetSummary(
                12,
                Map.of(Classification.TRIVIAL, 5L, Classification.OUTAGE_REQUIRED, 5L, Classification.UP_TO_DATE, 2L),
                List.of(
                        new FleetReport.ReleaseCount("ubuntu", "12.04", 10, LocalDate.of(2017, 4, 28), false),
                        new FleetReport.ReleaseCount("ubuntu", "10.04", 0, LocalDate.of(2015, 4, 30), true)),
                0,
                null,
                null);
        BurnDown chart = BurnDown.of(
                fleet,
                List.of(
                        new BurnDown.Step(Instant.parse("2016-08-01T00:00:00Z"), 3),
                        new BurnDown.Step(Instant.parse("2016-07-01T00:00:00Z"), 2)),
                TODAY);
        assertEquals(10, chart.total());
        assertEquals(5, chart.remainingAtEnd());
        String[] points = chart.planned().split(" ");
        assertEquals("40,20", points[0], "all ten hosts at the top left");
        assertEquals(6, points.length, "start, two steps of two points, end");
        assertTrue(chart.markers().stream().anyMatch(m -> m.label().equals("ubuntu 12.04 EOL (10)") && !m.past()));
        assertTrue(chart.markers().stream()
                .anyMatch(m -> m.label().equals("ubuntu 10.04 past EOL (0)") && m.past() && m.x() == 40));
        assertTrue(chart.ticks().size() >= 6);
    }
}
