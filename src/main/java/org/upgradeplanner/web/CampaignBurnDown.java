package org.upgradeplanner.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A campaign's burn-down as an inline SVG drawn on the server: hosts left (not verified, not skipped) from the day it
 * opened to today, the straight line that would reach zero on the deadline, and the deadline and the end-of-life dates
 * of the releases still run as dashed lines. Coordinates are computed here; the template only places them.
 */
public record CampaignBurnDown(
        int width,
        int height,
        int total,
        int left,
        String actual,
        String ideal,
        List<BurnDown.Tick> ticks,
        List<BurnDown.Marker> markers) {

    /** A date to mark: the deadline, or a release's end of life with the hosts still on it. */
    public record Line(LocalDate date, String label) {}

    /** The chart's title, for screen readers. */
    public String title() {
        return "Hosts left: " + left + " of " + total;
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 20;

    /**
     * @param done when each finished item was finished, oldest first
     * @param lines the deadline first (if any), then the EOL dates
     */
    public static CampaignBurnDown of(
            int total, List<Instant> done, LocalDate opened, LocalDate deadline, List<Line> lines, LocalDate today) {
        LocalDate end = today.isAfter(opened.plusDays(14)) ? today : opened.plusDays(14);
        for (Line l : lines) {
            if (l.date().isAfter(end) && l.date().isBefore(opened.plusYears(3))) {
                end = l.date();
            }
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(opened, end));
        int plotWidth = WIDTH - LEFT - 10;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        java.util.function.Function<LocalDate, Integer> x =
                d -> LEFT + (int) (plotWidth * Math.min(days, Math.max(0, ChronoUnit.DAYS.between(opened, d))) / days);
        java.util.function.IntUnaryOperator y =
                n -> TOP + (total == 0 ? plotHeight : plotHeight - plotHeight * n / total);

        StringBuilder actual = new StringBuilder().append(LEFT).append(',').append(y.applyAsInt(total));
        int left = total;
        for (Instant t : done) {
            int px = x.apply(LocalDate.ofInstant(t, ZoneOffset.UTC));
            actual.append(' ').append(px).append(',').append(y.applyAsInt(left));
            left--;
            actual.append(' ').append(px).append(',').append(y.applyAsInt(left));
        }
        actual.append(' ').append(x.apply(today)).append(',').append(y.applyAsInt(left));
        String ideal = deadline == null || !deadline.isAfter(opened)
                ? ""
                : LEFT + "," + y.applyAsInt(total) + " " + x.apply(deadline) + "," + y.applyAsInt(0);

        List<BurnDown.Tick> ticks = new ArrayList<>();
        long step = Math.max(1, days / 6);
        for (long d = 0; d <= days; d += step) {
            LocalDate date = opened.plusDays(d);
            ticks.add(new BurnDown.Tick(
                    x.apply(date),
                    date.getDayOfMonth() + " "
                            + date.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " "
                            + date.getYear()));
        }
        List<BurnDown.Marker> markers = new ArrayList<>();
        for (Line l : lines) {
            if (l.date().isAfter(end)) {
                continue;
            }
            boolean past = l.date().isBefore(today);
            int mx = x.apply(l.date());
            boolean nearRightEdge = mx > WIDTH - 180;
            markers.add(new BurnDown.Marker(
                    mx,
                    nearRightEdge ? mx - 3 : mx + 3,
                    30 + 12 * markers.size(),
                    nearRightEdge ? "end" : "start",
                    l.label(),
                    past));
        }
        return new CampaignBurnDown(WIDTH, HEIGHT, total, left, actual.toString(), ideal, ticks, markers);
    }
}
