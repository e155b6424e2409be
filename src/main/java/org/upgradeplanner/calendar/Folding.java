package org.upgradeplanner.calendar;

import java.nio.charset.StandardCharsets;

/** RFC 5545 §3.1 line folding by octets: no physical line over 75 octets, never inside a UTF-8 sequence, CRLF ends. */
public final class Folding {

    static final int MAX_OCTETS = 75;

    private Folding() {}

    public static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3 + 16);
        String[] lines = unfolded.split("\r\n|\n", -1);
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li];
            if (li == lines.length - 1 && line.isEmpty()) {
                break;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + n > MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += n;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
