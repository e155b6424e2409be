package org.upgradeplanner.support;

/**
 * Control characters (C0 U+0000–U+001F, DEL, C1 U+0080–U+009F) in text that reaches pages, feeds, mails, logs and the
 * database: PostgreSQL refuses NUL, an escape sequence rewrites the terminal that shows a log, and none of them means
 * anything in a name or a label. Tab, line feed and carriage return pass where text may span lines.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** Index of the first control character, or -1; {@code multiLine} lets tab, line feed and carriage return pass. */
    public static int indexOf(CharSequence text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }

    /** "control character U+001B at character 5": what {@link #indexOf} found, counting from 1. */
    public static String describe(CharSequence text, int index) {
        return String.format("control character U+%04X at character %d", (int) text.charAt(index), index + 1);
    }

    /** For one-line labels: every run of control characters and white space becomes one space; ends are stripped. */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                gap = out.length() > 0;
            } else {
                if (gap) {
                    out.append(' ');
                    gap = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
