package org.upgradeplanner.host;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upgradeplanner.support.ControlCharacters;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads an Ansible YAML inventory: top-level groups (usually {@code all}), each with optional {@code hosts}
 * (name → vars; ranges like {@code web[01:10].example.org} expand), {@code vars} and {@code children}.
 * Works on SnakeYAML's node tree so every error carries its line; {@link YamlExpansionGuard} checks the tree's size
 * before anything is read from it.
 */
final class YamlInventoryReader {

    private static final Set<String> GROUP_KEYS = Set.of("hosts", "vars", "children");
    /** SnakeYAML's own cap on aliases of lists and mappings; the expansion guard covers what 50 can still do. */
    private static final int MAX_COLLECTION_ALIASES = 50;

    private final InventoryModel model;
    private final String file;
    private final HostRanges ranges = new HostRanges();

    private YamlInventoryReader(InventoryModel model, String file) {
        this.model = model;
        this.file = file;
    }

    static InventoryModel read(String source, String file, String yaml) {
        InventoryModel model = new InventoryModel(source);
        new YamlInventoryReader(model, file).read(yaml);
        return model;
    }

    private void read(String yaml) {
        Node root = compose(yaml);
        if (!model.errors.isEmpty()) {
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

    /** The document's node tree, checked by the expansion guard; null when empty or after recording why it is refused. */
    private Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(InventoryLimits.MAX_DEPTH);
        options.setCodePointLimit(InventoryLimits.MAX_CODE_POINTS);
        ParserImpl parser = new ParserImpl(new StreamReader(yaml), options);
        try {
            Node root = new Composer(parser, new Resolver(), options).getSingleNode();
            if (root != null) {
                YamlExpansionGuard.check(root);
            }
            return root;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            model.error("inventory", where(mark), "not valid YAML: " + e.getProblem());
        } catch (ReaderException e) {
            model.error(
                    "inventory",
                    where(yaml, e.getPosition()),
                    String.format("not valid YAML: character U+%04X is not allowed", e.getCodePoint()));
        } catch (YAMLException e) {
            model.error("inventory", where(peekMark(parser)), "not valid YAML: " + e.getMessage());
        } catch (YamlExpansionGuard.Refused e) {
            model.error("inventory", where(e.at()), e.getMessage());
        }
        return null;
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
                model.error(
                        path + "." + key,
                        where(t.getKeyNode()),
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
            List<String> names;
            try {
                names = ranges.expand(pattern);
            } catch (IllegalArgumentException e) {
                model.error(path + "." + pattern, where(t.getKeyNode()), e.getMessage());
                continue;
            }
            // Read once per pattern: a range's hosts share their vars rather than each building a copy.
            Map<String, InventoryModel.Value> patternVars = new LinkedHashMap<>();
            if (!isNull(value)) {
                vars((MappingNode) value, path + "." + pattern, patternVars);
            }
            for (String host : names) {
                group.hosts.add(host);
                model.hostVars.computeIfAbsent(host, h -> new LinkedHashMap<>()).putAll(patternVars);
            }
        }
    }

    private void vars(MappingNode entries, String path, Map<String, InventoryModel.Value> into) {
        for (NodeTuple t : entries(entries, path)) {
            String name = key(t, path);
            if (name != null) {
                Node v = t.getValueNode();
                try {
                    into.put(name, new InventoryModel.Value(YamlValues.toJava(v), path + "." + name, where(v)));
                } catch (YamlValues.Invalid e) {
                    model.error(path + "." + name, where(e.at()), e.getMessage());
                }
            }
        }
    }

    /** The mapping's entries; a key written twice is an error (YAML forbids it; Ansible would silently keep the last). */
    private List<NodeTuple> entries(MappingNode map, String path) {
        Set<String> seen = new HashSet<>();
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
            int control = ControlCharacters.indexOf(s.getValue(), false);
            if (control < 0) {
                return s.getValue();
            }
            model.error(
                    path,
                    where(k),
                    "a name with " + ControlCharacters.describe(s.getValue(), control) + " is not allowed");
            return null;
        }
        model.error(path, where(k), "keys must be plain names");
        return null;
    }

    private String where(Node node) {
        return file + " line " + (node.getStartMark().getLine() + 1);
    }

    private String where(Mark mark) {
        return mark == null ? file : file + " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** Line and column of a position counted in code points, as SnakeYAML's reader reports it. */
    private String where(String text, int position) {
        int line = 1;
        int column = 1;
        for (int i = 0, cp = 0;
                i < text.length() && cp < position;
                i += Character.charCount(text.codePointAt(i)), cp++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return file + " line " + line + ", column " + column;
    }

    /** Where the parser stands after a failure that carries no position (nesting depth, alias count). */
    private static Mark peekMark(ParserImpl parser) {
        try {
            return parser.peekEvent().getStartMark();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }
}
