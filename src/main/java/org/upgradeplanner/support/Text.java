package org.upgradeplanner.support;

/**
 * Free text typed by people, made safe for every place it is shown: HTML, iCalendar (RFC 5545 TEXT excludes control
 * characters), XML 1.0 (the Atom feed) and mail. Line breaks become one LF each, so no bare CR can start a forged
 * line in an .ics or a mail; any other control character is refused, naming the field.
 */
public final class Text {

    private Text() {}

    /** Several lines allowed (CRLF and CR become LF, tabs stay); stripped; null stays null. */
    public static String multiLine(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String s = value.replace("\r\n", "\n").replace('\r', '\n').strip();
        check(field, s, max, true);
        return s;
    }

    /** One line: stripped; a line break or any control character is refused. */
    public static String oneLine(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        check(field, s, max, false);
        return s;
    }

    private static void check(String field, String s, int max, boolean lines) {
        if (s.length() > max) {
            throw PlannerException.invalid(field, "at most " + max + " characters");
        }
        // Multi-line text holds no CR here any more; a one-line text may hold a tab, nothing else.
        int bad = lines ? ControlCharacters.indexOf(s, true) : ControlCharacters.indexOf(s.replace('\t', ' '), false);
        for (int i = 0; bad < 0 && i < s.length(); i++) {
            char c = s.charAt(i);
            // Line and paragraph separators break lines in mail readers; a lone surrogate is not text at all.
            if (c == '\u2028'
                    || c == '\u2029'
                    || Character.isLowSurrogate(c)
                    || Character.isHighSurrogate(c)
                            && !(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(++i)))) {
                bad = i;
            }
        }
        if (bad >= 0) {
            throw PlannerException.invalid(
                    field,
                    (lines
                                    ? "no control characters (line breaks and tabs are fine)"
                                    : "one line: no line breaks or control characters")
                            + ": " + ControlCharacters.describe(s, bad));
        }
    }

    /**
     * For output made from stored text, whatever its age: line breaks as single LFs, other control characters
     * dropped (tab kept). Input is refused above; this guards what was stored before that check existed.
     */
    public static String printable(String value) {
        if (value == null) {
            return null;
        }
        String s = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(s.length());
        s.chars()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c) && c != '\u2028' && c != '\u2029')
                .forEach(c -> out.append((char) c));
        return out.toString();
    }
}
