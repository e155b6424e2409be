package org.upgradeplanner.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.upgradeplanner.window.WindowView;

/** A month of windows as a calendar grid (UTC days, weeks from Monday), built here so the template only lays it out. */
public record MonthView(String title, String previous, String next, List<List<Day>> weeks) {

    /** One cell: its date, whether it belongs to the month, and the windows touching it. */
    public record Day(int dayOfMonth, boolean inMonth, boolean today, List<WindowView> windows) {}

    public static MonthView of(YearMonth month, List<WindowView> windows, LocalDate today) {
        LocalDate first = month.atDay(1);
        LocalDate start = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate weekStart = start;
                !weekStart.isAfter(month.atEndOfMonth());
                weekStart = weekStart.plusWeeks(1)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate d = weekStart.plusDays(i);
                var from = d.atStartOfDay(ZoneOffset.UTC).toInstant();
                var to = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                week.add(new Day(
                        d.getDayOfMonth(),
                        YearMonth.from(d).equals(month),
                        d.equals(today),
                        windows.stream()
                                .filter(w -> w.start().isBefore(to) && w.end().isAfter(from))
                                .toList()));
            }
            weeks.add(week);
        }
        String title = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
        return new MonthView(
                title, month.minusMonths(1).toString(), month.plusMonths(1).toString(), weeks);
    }
}
