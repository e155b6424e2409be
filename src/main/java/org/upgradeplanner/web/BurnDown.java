package org.upgradeplanner.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.host.FleetReport;

/**
 * The EOL burn-down as an inline SVG drawn on the server: hosts still to upgrade over time (each planned window takes
 * its hosts off at its end) against the end-of-life dates of the releases they run. Coordinates are computed here; the
 * template only places them.
 */
public record BurnDown(
        int width, int height, String planned, int remainingAtEnd, int total, List<Tick> ticks, List<Marker> markers) {

    /** A label on the time axis. */
    public record Tick(int x, String label) {}

    /** A release's EOL: where it falls, and how many hosts still run it. */
    public record Marker(int x, int labelX, int labelY, String anchor, String label, boolean past) {}

    /** A planned window: when it ends and how many hosts it upgrades. */
    public record Step(Instant end, int hosts) {}

    /** The chart's title, for screen readers. */
    public String title() {
        return "Hosts still to upgrade over time: " + total + " now, " + remainingAtEnd + " after the planned windows";
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 20;

    public static BurnDown of(FleetReport.FleetSummary fleet, List<Step> windows, LocalDate today) {
        int total = (int) (fleet.byClassification().getOrDefault(Classification.TRIVIAL, 0L)
                + fleet.byClassification().getOrDefault(Classification.OUTAGE_REQUIRED, 0L));
        LocalDate end = today.plusYears(1);
        for (Step s : windows) {
            LocalDate d = LocalDate.ofInstant(s.end(), ZoneOffset.UTC);
            end = d.isAfter(end) ? d : end;
        }
        for (FleetReport.ReleaseCount r : fleet.byRelease()) {
            end = r.eol() != null && r.eol().isAfter(end) && r.eol().isBefore(today.plusYears(10)) ? r.eol() : end;
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(today, end));
        int plotWidth = WIDTH - LEFT - 10;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        java.util.function.Function<LocalDate, Integer> x =
                d -> LEFT + (int) (plotWidth * Math.max(0, ChronoUnit.DAYS.between(today, d)) / days);
        java.util.function.IntUnaryOperator y =
                n -> TOP + (total == 0 ? plotHeight : plotHeight - plotHeight * n / total);

        StringBuilder points = new StringBuilder().append(LEFT).append(',').append(y.applyAsInt(total));
        int remaining = total;
        List<Step> sorted = windows.stream()
                .sorted(java.util.Comparator.comparing(Step::end))
                .toList();
        for (Step s : sorted) {
            int px = x.apply(LocalDate.ofInstant(s.end(), ZoneOffset.UTC));
            points.append(' ').append(px).append(',').append(y.applyAsInt(remaining));
            remaining = Math.max(0, remaining - s.hosts());
            points.append(' ').append(px).append(',').append(y.applyAsInt(remaining));
        }
        points.append(' ').append(LEFT + plotWidth).append(',').append(y.applyAsInt(remaining));

        List<Tick> ticks = new ArrayList<>();
        long step = Math.max(1, days / 6);
        for (long d = 0; d <= days; d += step) {
            LocalDate date = today.plusDays(d);
            ticks.add(new Tick(
                    x.apply(date),
                    date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " "
                            + date.getYear()));
        }
        List<Marker> markers = new ArrayList<>();
        for (FleetReport.ReleaseCount r : fleet.byRelease()) {
            if (r.eol() != null && r.distro() != null && !r.eol().isAfter(end)) {
                boolean past = r.eol().isBefore(today);
                int mx = past ? LEFT : x.apply(r.eol());
                boolean nearRightEdge = mx > WIDTH - 180; // the label goes left of its line so it stays in the chart
                markers.add(new Marker(
                        mx,
                        nearRightEdge ? mx - 3 : mx + 3,
                        30 + 12 * markers.size(),
                        nearRightEdge ? "end" : "start",
                        r.distro() + " " + r.version() + (past ? " past EOL" : " EOL") + " (" + r.hosts() + ")",
                        past));
            }
        }
        return new BurnDown(WIDTH, HEIGHT, points.toString(), remaining, total, ticks, markers);
    }
}
