package org.upgradeplanner.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INI host line into words as Ansible does, with Python's {@code shlex.split(line, comments=True)} (POSIX
 * mode): quotes group and are removed, a backslash escapes the next character (inside double quotes only before
 * {@code "} and {@code \}), and an unquoted {@code #} ends the line, even in the middle of a word ({@code a=b#c} is
 * {@code a=b}).
 */
final class ShlexWords {

    private ShlexWords() {}

    /** @throws IllegalArgumentException with shlex's own words for an unclosed quote or a trailing backslash */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false; // a word has begun, even if empty so far ("" is a word)
        char quote = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    if (i == line.length()) {
                        throw new IllegalArgumentException("No escaped character");
                    }
                    char next = line.charAt(i++);
                    if (next != '"' && next != '\\') {
                        word.append('\\');
                    }
                    word.append(next);
                } else {
                    word.append(c);
                }
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#') {
                break;
            } else if (c == '\\') {
                if (i == line.length()) {
                    throw new IllegalArgumentException("No escaped character");
                }
                word.append(line.charAt(i++));
                inWord = true;
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("No closing quotation");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
