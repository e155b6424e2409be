package org.upgradeplanner.host;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.upgradeplanner.support.ControlCharacters;

/**
 * Reads an Ansible INI inventory as Ansible's {@code ini} plugin does: {@code [group]} sections of host lines,
 * {@code [group:vars]} of {@code key=value} lines, {@code [group:children]} of group names; lines before any section
 * are hosts of {@code ungrouped}; {@code #} and {@code ;} start comment lines. A host line is a host (a range like
 * {@code web[01:20:2].example.org} expands, {@code :port} sets {@code ansible_port}) and {@code key=value} words split
 * as a shell would ({@link ShlexWords}). Every value, on host lines and in {@code :vars} alike, is read as a Python
 * literal ({@link PythonLiterals}: {@code True} is a boolean, {@code true} text, {@code 8080} a number). A group named
 * in {@code :vars} or {@code :children} must have a {@code [group]} or {@code [group:children]} section somewhere.
 * Every error names the file and line; reading stops after {@link #MAX_ERRORS}.
 */
final class IniInventoryReader {

    /** The importer shows at most 100 errors: reading on would only fill memory. */
    static final int MAX_ERRORS = 100;

    private static final Pattern SECTION =
            Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?]\\s*(?:#.*)?$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern GROUP_NAME =
            Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$", Pattern.UNICODE_CHARACTER_CLASS);
    /** Ansible's {@code hostport}: a name (ranges included) then {@code :} and a port number. */
    private static final Pattern HOST_PORT = Pattern.compile("^((?:[^:\\[\\]]|\\[[^\\]]*])*):([0-9]+)$");

    private static final Set<String> IMPLICIT = Set.of("all", "ungrouped");

    /** Where a group was first named without being declared, for the error if it never is. */
    private record Reference(String path, String where, String message) {}

    private final InventoryModel model;
    private final String file;
    private final HostRanges ranges = new HostRanges();
    /** Groups with a [group] or [group:children] section so far. */
    private final Set<String> declared = new HashSet<>(IMPLICIT);
    /** Groups named in [group:vars] or [parent:children] and not declared (yet). */
    private final Map<String, Reference> undeclared = new LinkedHashMap<>();

    private int line;

    private IniInventoryReader(InventoryModel model, String file) {
        this.model = model;
        this.file = file;
    }

    static InventoryModel read(String source, String file, String text) {
        InventoryModel model = new InventoryModel(source);
        new IniInventoryReader(model, file).read(text);
        return model;
    }

    private void read(String text) {
        if (text.length() > InventoryLimits.MAX_CODE_POINTS
                && text.codePointCount(0, text.length()) > InventoryLimits.MAX_CODE_POINTS) {
            model.error(
                    "inventory",
                    file,
                    String.format("the file holds more than %,d characters", InventoryLimits.MAX_CODE_POINTS));
            return;
        }
        String group = "ungrouped";
        String state = "hosts";
        model.group("all");
        model.group("ungrouped");
        int start = 0;
        while (start <= text.length() && model.errors.size() < MAX_ERRORS) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            line++;
            String raw = text.substring(start, end).strip();
            start = end + (end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
            if (raw.isEmpty() || raw.charAt(0) == '#' || raw.charAt(0) == ';') {
                continue;
            }
            int control = ControlCharacters.indexOf(raw, true);
            if (control >= 0) {
                error("inventory", ControlCharacters.describe(raw, control) + " is not allowed");
                continue;
            }
            Matcher m = SECTION.matcher(raw);
            if (m.matches()) {
                String kind = m.group(2) == null ? "hosts" : m.group(2);
                if (!Set.of("hosts", "vars", "children").contains(kind)) {
                    error(
                            m.group(1),
                            "section `" + raw + "` has unknown type `" + kind + "` (expected [" + m.group(1) + "], ["
                                    + m.group(1) + ":vars] or [" + m.group(1) + ":children])");
                    // Its lines would be read as something they are not: skip them.
                    state = "skip";
                    continue;
                }
                group = m.group(1);
                state = kind;
                model.group(group);
                if (kind.equals("vars")) {
                    mention(group, group + ".vars", "section [" + group + ":vars] is for group `" + group + "`");
                } else {
                    undeclared.remove(group);
                    declared.add(group);
                }
                continue;
            }
            if (raw.startsWith("[") && raw.endsWith("]")) {
                error(
                        "inventory",
                        "`" + raw + "` is not a valid section: write [group], [group:vars] or [group:children],"
                                + " with no spaces");
                state = "skip";
                continue;
            }
            switch (state) {
                case "hosts" -> hostLine(group, raw);
                case "vars" -> varLine(group, raw);
                case "children" -> childLine(group, raw);
                default -> {}
            }
        }
        undeclared.values().forEach(r -> model.error(r.path(), r.where(), r.message()));
    }

    private void mention(String group, String path, String what) {
        if (!declared.contains(group)) {
            undeclared.putIfAbsent(
                    group,
                    new Reference(
                            path,
                            where(),
                            what + ", which has no [" + group + "] or [" + group + ":children] section"));
        }
    }

    private void hostLine(String group, String raw) {
        List<String> words;
        try {
            words = ShlexWords.split(raw);
        } catch (IllegalArgumentException e) {
            error(
                    group + ".hosts",
                    "cannot split the host line: " + e.getMessage().toLowerCase());
            return;
        }
        if (words.isEmpty()) {
            return;
        }
        String pattern = words.get(0);
        String path = group + ".hosts." + pattern;
        if (pattern.strip().equals("---")) {
            error(path, "`---` starts a YAML document: this looks like a YAML inventory, not INI");
            return;
        }
        Long port = null;
        Matcher hp = HOST_PORT.matcher(pattern);
        if (hp.matches() && !hp.group(1).isEmpty()) {
            pattern = hp.group(1);
            try {
                port = Long.parseLong(hp.group(2));
            } catch (NumberFormatException e) {
                error(path, "port `" + hp.group(2) + "` is not valid");
                return;
            }
        } else if (pattern.endsWith(":")) {
            error(path, "host `" + pattern + "` ends in `:`, which is reserved for a port (host:2222)");
            return;
        }
        Map<String, InventoryModel.Value> vars = new LinkedHashMap<>();
        if (port != null) {
            vars.put("ansible_port", new InventoryModel.Value(port, path + ".ansible_port", where()));
        }
        boolean ok = true;
        for (String word : words.subList(1, words.size())) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                error(path, "expected key=value after the host name, got `" + word + "`");
                ok = false;
                continue;
            }
            String key = word.substring(0, eq);
            InventoryModel.Value v = value(path, key, word.substring(eq + 1));
            if (v == null) {
                ok = false;
            } else {
                vars.put(key, v);
            }
        }
        List<String> names;
        try {
            names = ranges.expand(pattern);
        } catch (IllegalArgumentException e) {
            error(path, e.getMessage());
            return;
        }
        if (!ok) {
            return;
        }
        String invalid = names.stream()
                .filter(n -> !Names.isHostname(Names.hostname(n)))
                .findFirst()
                .orElse(null);
        if (invalid != null) {
            error(path, "`" + invalid + "` is not a valid host name");
            return;
        }
        InventoryModel.Group g = model.group(group);
        for (String host : names) {
            g.hosts.add(host);
            // Ansible sets each host's variables in turn: a later line about the same host wins, key by key.
            model.hostVars.computeIfAbsent(host, h -> new LinkedHashMap<>()).putAll(vars);
        }
    }

    private void varLine(String group, String raw) {
        int eq = raw.indexOf('=');
        if (eq < 0) {
            error(group + ".vars", "expected key=value in [" + group + ":vars], got `" + raw + "`");
            return;
        }
        String key = raw.substring(0, eq).strip();
        InventoryModel.Value v =
                value(group + ".vars", key, raw.substring(eq + 1).strip());
        if (v != null) {
            model.group(group).vars.put(key, v);
        }
    }

    private void childLine(String group, String raw) {
        Matcher m = GROUP_NAME.matcher(raw);
        if (!m.matches()) {
            error(group + ".children", "expected a group name in [" + group + ":children], got `" + raw + "`");
            return;
        }
        String child = m.group(1);
        if (child.equals("all")) {
            error(group + ".children", "`all` holds every group: it cannot be a child of `" + group + "`");
            return;
        }
        model.group(group).children.add(child);
        model.group(child);
        mention(child, group + ".children", "[" + group + ":children] names group `" + child + "`");
    }

    /** A variable as Ansible's {@code _parse_value} reads it; null after recording why it is refused. */
    private InventoryModel.Value value(String path, String key, String text) {
        String at = path + "." + key;
        if (key.isEmpty()) {
            error(path, "a variable needs a name before `=`");
            return null;
        }
        int control = ControlCharacters.indexOf(key, false);
        if (control >= 0) {
            error(path, "a name with " + ControlCharacters.describe(key, control) + " is not allowed");
            return null;
        }
        Object v;
        try {
            v = PythonLiterals.eval(text);
        } catch (PythonLiterals.Unsupported e) {
            error(at, "`" + key + "`: " + e.getMessage() + " (quote the value to keep it as text)");
            return null;
        }
        String bad = controlIn(v);
        if (bad != null) {
            error(at, "`" + key + "`: " + bad + " is not allowed");
            return null;
        }
        return new InventoryModel.Value(v, at, where());
    }

    /** A control character inside a value (escapes like {@code '\x1b'} make them), described; null if none. */
    private static String controlIn(Object v) {
        if (v instanceof String s) {
            int i = ControlCharacters.indexOf(s, true);
            return i < 0 ? null : ControlCharacters.describe(s, i);
        }
        if (v instanceof List<?> list) {
            for (Object item : list) {
                String bad = controlIn(item);
                if (bad != null) {
                    return bad;
                }
            }
        }
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String bad = controlIn(e.getKey());
                if (bad == null) {
                    bad = controlIn(e.getValue());
                }
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    private String where() {
        return file + " line " + line;
    }

    private void error(String path, String message) {
        model.error(path, where(), message);
    }
}
