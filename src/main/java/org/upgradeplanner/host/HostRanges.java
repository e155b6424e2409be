package org.upgradeplanner.host;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands Ansible host ranges: {@code db[01:03]} → db01, db02, db03; {@code x[a:c]} → xa, xb, xc; {@code h[0:8:4]} →
 * h0, h4, h8; {@code h[:2]} → h0, h1, h2. Letters run in Python's {@code string.ascii_letters} order (a–z, then A–Z),
 * and a zero-padded start needs an end of the same width, as in Ansible. One instance per inventory: all its ranges
 * together make at most {@link InventoryLimits#MAX_RANGE_HOSTS}.
 */
final class HostRanges {

    private static final Pattern RANGE = Pattern.compile("\\[([0-9]*|[a-zA-Z]):([0-9]+|[a-zA-Z])(?::([0-9]+))?]");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Names made from ranges so far. */
    private long expanded;

    /** @throws IllegalArgumentException for a malformed range, or one that takes the inventory past the limit */
    List<String> expand(String pattern) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String from = m.group(1).isEmpty() ? "0" : m.group(1);
        String to = m.group(2);
        boolean numeric = Character.isDigit(from.charAt(0));
        long step;
        long first;
        long last;
        try {
            step = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
            first = numeric ? Long.parseLong(from) : LETTERS.indexOf(from.charAt(0));
            last = numeric ? Long.parseLong(to) : LETTERS.indexOf(to.charAt(0));
        } catch (NumberFormatException e) {
            step = 0;
            first = 0;
            last = 0;
        }
        if (numeric != Character.isDigit(to.charAt(0)) || step < 1) {
            throw new IllegalArgumentException("host range `" + m.group() + "` is not valid");
        }
        if (numeric && from.length() > 1 && from.startsWith("0") && from.length() != to.length()) {
            throw new IllegalArgumentException(
                    "host range `" + m.group() + "` starts zero-padded, so its end needs as many digits");
        }
        long more = (last - first) / step;
        if (last < first
                || more >= InventoryLimits.MAX_RANGE_HOSTS
                || expanded + more >= InventoryLimits.MAX_RANGE_HOSTS) {
            throw new IllegalArgumentException(
                    "host range `" + m.group() + "` is empty or too large (ranges make at most "
                            + String.format("%,d", InventoryLimits.MAX_RANGE_HOSTS) + " names per inventory)");
        }
        expanded += more + 1;
        List<String> hosts = new ArrayList<>();
        String head = pattern.substring(0, m.start());
        String tail = pattern.substring(m.end());
        int width = numeric && from.startsWith("0") ? from.length() : 0;
        for (long i = first; i <= last; i += step) {
            String item = numeric
                    ? (width > 0 ? String.format("%0" + width + "d", i) : Long.toString(i))
                    : String.valueOf(LETTERS.charAt((int) i));
            hosts.addAll(expand(head + item + tail));
        }
        return hosts;
    }
}
