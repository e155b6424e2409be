package org.upgradeplanner.host;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads an Ansible YAML inventory: top-level groups (usually {@code all}), each with optional {@code hosts}
 * (name → vars; ranges like {@code web[01:10].example.org} expand), {@code vars} and {@code children}.
 * Works on SnakeYAML's node tree so every error carries its line.
 */
final class YamlInventoryReader {

    private static final Set<String> GROUP_KEYS = Set.of("hosts", "vars", "children");
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]+|[a-z]):([0-9]+|[a-z])(?::([0-9]+))?]");
    private static final int MAX_RANGE = 100_000;

    private final InventoryModel model;
    private final String file;
    /** Host names made from ranges so far: one inventory expands to at most {@link #MAX_RANGE}. */
    private long expanded;

    private YamlInventoryReader(InventoryModel model, String file) {
        this.model = model;
        this.file = file;
    }

    static InventoryModel read(String source, String file, Reader yaml) {
        InventoryModel model = new InventoryModel(source);
        new YamlInventoryReader(model, file).read(yaml);
        return model;
    }

    private void read(Reader in) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(256 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(in);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? file : file + " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            model.error("inventory", where, "not valid YAML: " + e.getProblem());
            return;
        } catch (YAMLException e) {
            model.error("inventory", file, "not valid YAML: " + e.getMessage());
            return;
        }
        if (root == null) {
            model.error("inventory", file, "the file is empty: an inventory starts with `all:`");
            return;
        }
        if (!(root instanceof MappingNode top)) {
            model.error("inventory", where(root), "an inventory is a mapping of groups, starting with `all:`");
            return;
        }
        for (NodeTuple t : entries(top, "inventory")) {
            String name = key(t, "inventory");
            if (name != null) {
                group(name, t.getValueNode(), name);
            }
        }
    }

    private void group(String name, Node node, String path) {
        InventoryModel.Group group = model.group(name);
        if (isNull(node)) {
            return;
        }
        if (!(node instanceof MappingNode map)) {
            model.error(path, where(node), "group `" + name + "` must be a mapping with hosts, vars or children");
            return;
        }
        for (NodeTuple t : entries(map, path)) {
            String key = key(t, path);
            if (key == null) {
                continue;
            }
            Node value = t.getValueNode();
            if (!GROUP_KEYS.contains(key)) {
                model.error(path + "." + key, where(t.getKeyNode()),
                        "group `" + name + "` has unexpected key `" + key + "` (expected hosts, vars or children)");
            } else if (!isNull(value) && !(value instanceof MappingNode)) {
                model.error(path + "." + key, where(value), "`" + key + "` of group `" + name + "` must be a mapping");
            } else if (!isNull(value)) {
                MappingNode entries = (MappingNode) value;
                switch (key) {
                    case "vars" -> vars(entries, path + ".vars", group.vars);
                    case "hosts" -> hosts(group, entries, path + ".hosts");
                    default -> children(group, entries, path + ".children");
                }
            }
        }
    }

    private void children(InventoryModel.Group parent, MappingNode entries, String path) {
        for (NodeTuple t : entries(entries, path)) {
            String child = key(t, path);
            if (child != null) {
                parent.children.add(child);
                group(child, t.getValueNode(), path + "." + child);
            }
        }
    }

    private void hosts(InventoryModel.Group group, MappingNode entries, String path) {
        for (NodeTuple t : entries(entries, path)) {
            String pattern = key(t, path);
            if (pattern == null) {
                continue;
            }
            Node value = t.getValueNode();
            if (!isNull(value) && !(value instanceof MappingNode)) {
                model.error(path + "." + pattern, where(value), "vars of host `" + pattern + "` must be a mapping");
                continue;
            }
            for (String host : expand(pattern, path, t.getKeyNode())) {
                group.hosts.add(host);
                Map<String, InventoryModel.Value> vars = model.hostVars.computeIfAbsent(host, h -> new LinkedHashMap<>());
                if (!isNull(value)) {
                    vars(((MappingNode) value), path + "." + host, vars);
                }
            }
        }
    }

    private void vars(MappingNode entries, String path, Map<String, InventoryModel.Value> into) {
        for (NodeTuple t : entries(entries, path)) {
            String name = key(t, path);
            if (name != null) {
                Node v = t.getValueNode();
                try {
                    into.put(name, new InventoryModel.Value(toJava(v, 0), path + "." + name, where(v)));
                } catch (IllegalArgumentException e) {
                    model.error(path + "." + name, where(v), e.getMessage());
                }
            }
        }
    }

    /** Expands Ansible host ranges: {@code db[01:03]} → db01, db02, db03; {@code x[a:c]} → xa, xb, xc. */
    private List<String> expand(String pattern, String path, Node at) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String from = m.group(1);
        String to = m.group(2);
        boolean numeric = Character.isDigit(from.charAt(0));
        long step;
        long first;
        long last;
        try {
            step = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
            first = numeric ? Long.parseLong(from) : from.charAt(0);
            last = numeric ? Long.parseLong(to) : to.charAt(0);
        } catch (NumberFormatException e) {
            step = 0;
            first = 0;
            last = 0;
        }
        if (numeric != Character.isDigit(to.charAt(0)) || step < 1) {
            model.error(path + "." + pattern, where(at), "host range `" + m.group() + "` is not valid");
            return List.of();
        }
        if (last < first || (last - first) / step >= MAX_RANGE || expanded + (last - first) / step >= MAX_RANGE) {
            model.error(path + "." + pattern, where(at), "host range `" + m.group() + "` is empty or too large");
            return List.of();
        }
        List<String> hosts = new ArrayList<>();
        String head = pattern.substring(0, m.start());
        String tail = pattern.substring(m.end());
        int width = numeric && from.startsWith("0") ? from.length() : 0;
        expanded += (last - first) / step + 1;
        for (long i = first; i <= last; i += step) {
            String item = numeric ? (width > 0 ? String.format("%0" + width + "d", i) : Long.toString(i)) : String.valueOf((char) i);
            hosts.addAll(expand(head + item + tail, path, at));
        }
        return hosts;
    }

    /** The mapping's entries; a key written twice is an error (YAML forbids it; Ansible would silently keep the last). */
    private List<NodeTuple> entries(MappingNode map, String path) {
        Set<String> seen = new java.util.HashSet<>();
        List<NodeTuple> unique = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && !seen.add(k.getValue())) {
                model.error(path + "." + k.getValue(), where(k), "duplicate key `" + k.getValue() + "`");
            } else {
                unique.add(t);
            }
        }
        return unique;
    }

    private String key(NodeTuple t, String path) {
        Node k = t.getKeyNode();
        if (k instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        model.error(path, where(k), "keys must be plain names");
        return null;
    }

    private String where(Node node) {
        return file + " line " + (node.getStartMark().getLine() + 1);
    }

    private static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /**
     * A node as plain Java: String, Boolean, Long, Double, List, Map (insertion-ordered) or null.
     * @throws IllegalArgumentException past 64 levels (an alias that contains itself never ends)
     */
    static Object toJava(Node node, int depth) {
        if (depth > 64) {
            throw new IllegalArgumentException("nested more than 64 levels deep (or an alias refers to itself)");
        }
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            Tag tag = s.getTag();
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return switch (v.toLowerCase()) {
                    case "true", "yes", "on", "y" -> Boolean.TRUE;
                    default -> Boolean.FALSE;
                };
            }
            if (tag.equals(Tag.INT)) {
                try {
                    return Long.parseLong(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            if (tag.equals(Tag.FLOAT)) {
                try {
                    return Double.parseDouble(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            return v;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            seq.getValue().forEach(n -> list.add(toJava(n, depth + 1)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            map.put(String.valueOf(toJava(t.getKeyNode(), depth + 1)), toJava(t.getValueNode(), depth + 1));
        }
        return map;
    }
}
