package org.upgradeplanner.host;

import java.util.Locale;
import java.util.regex.Pattern;

/** Syntax of the names a user types: host names, service names, OS strings. */
public final class Names {

    private Names() {}

    /** RFC 1123 host names (underscores tolerated, as DNS in the wild has them), or IPv4 addresses. */
    public static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");
    /** Service and group names: used in feed URLs, so kept to URL-safe characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    public static final Pattern DISTRO = Pattern.compile("[a-z][a-z0-9_]*(-[a-z][a-z0-9_]*)*");
    public static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.~+_]{0,31}");
    /** {@code ubuntu-12.04}, {@code centos-7}, {@code opensuse-leap-15.1}: the distro, a dash, a version starting with a digit. */
    public static final Pattern OS = Pattern.compile("(" + DISTRO.pattern() + ")-([0-9][0-9A-Za-z.~+_]{0,31})");

    public static String hostname(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isHostname(String normalized) {
        return normalized != null && HOSTNAME.matcher(normalized).matches();
    }
}
