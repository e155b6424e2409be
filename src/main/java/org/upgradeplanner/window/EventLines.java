package org.upgradeplanner.window;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Where a calendar file's events begin, for error messages: iCal4j keeps no positions once it has parsed a file. */
final class EventLines {

    private EventLines() {}

    /**
     * The line of each VEVENT of the file's first VCALENDAR, in order; all null when there are not {@code events} of
     * them (a line that might belong to another event would mislead).
     */
    static List<Integer> of(String ics, int events) {
        List<Integer> lines = new ArrayList<>();
        int depth = 0;
        int number = 0;
        for (String line : ics.split("\r?\n", -1)) {
            number++;
            if (line.regionMatches(true, 0, "BEGIN:", 0, 6)) {
                if (depth == 1 && line.substring(6).strip().equalsIgnoreCase("VEVENT")) {
                    lines.add(number);
                }
                depth++;
            } else if (line.regionMatches(true, 0, "END:", 0, 4) && --depth == 0) {
                break;
            }
        }
        return lines.size() == events ? lines : Collections.nCopies(events, null);
    }
}
