package org.upgradeplanner.release;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads release tables: Debian's distro-info CSV files and endoflife.date's release cycles. */
public final class ReleaseData {

    private ReleaseData() {}

    /**
     * distro-info ({@code version,codename,series,created,release,eol,eol-server,eol-esm,…} for Ubuntu,
     * {@code …,eol-lts,eol-elts} for Debian). "LTS" is part of Ubuntu's version text; rows without a version
     * (Debian's sid, experimental) are not releases a host can be upgraded to and are skipped.
     */
    public static List<Release> distroInfo(String distro, Reader csv) throws IOException {
        List<Release> releases = new ArrayList<>();
        for (Map<String, String> row : rows(csv)) {
            String version = row.getOrDefault("version", "");
            if (version.isEmpty()) {
                continue;
            }
            boolean lts = version.endsWith(" LTS");
            LocalDate eol = date(row, "eol-server") != null ? date(row, "eol-server") : date(row, "eol");
            LocalDate extended = date(row, "eol-esm") != null ? date(row, "eol-esm") : date(row, "eol-lts");
            releases.add(new Release(
                    distro,
                    version.replace(" LTS", "").trim(),
                    row.get("codename"),
                    lts,
                    date(row, "release"),
                    eol,
                    extended));
        }
        return releases;
    }

    /** endoflife.date cycles ({@code releaseCycle,codename?,lts?,releaseDate,eol,eoes?,…}); '#' lines are comments. */
    public static List<Release> endOfLifeDate(String distro, Reader csv) throws IOException {
        List<Release> releases = new ArrayList<>();
        for (Map<String, String> row : rows(csv)) {
            String lts = row.getOrDefault("lts", "");
            releases.add(new Release(
                    distro,
                    row.get("releaseCycle"),
                    row.get("codename"),
                    !lts.isEmpty() && !lts.equalsIgnoreCase("false"),
                    date(row, "releaseDate"),
                    date(row, "eol"),
                    date(row, "eoes")));
        }
        return releases;
    }

    private static List<Map<String, String>> rows(Reader csv) throws IOException {
        BufferedReader in = new BufferedReader(csv);
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = null;
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // Neither source quotes fields or puts commas inside them.
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i].trim(), cells[i].trim());
            }
            row.put("#line", Integer.toString(lineNo));
            rows.add(row);
        }
        if (header == null) {
            throw new IOException("empty release table");
        }
        return rows;
    }

    private static LocalDate date(Map<String, String> row, String column) throws IOException {
        String value = row.getOrDefault(column, "");
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IOException("line " + row.get("#line") + ": column " + column + " is not a date: " + value);
        }
    }
}
