package org.upgradeplanner.host;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Refuses a composed YAML document that would expand past {@link InventoryLimits}, before anything is built from it.
 * SnakeYAML composes an alias as one more reference to its anchor's node, so a few kilobytes of nested aliases (the
 * "billion laughs") stand for hundreds of megabytes once read as plain data. Every node counts once per place it
 * appears; sizes are remembered per node, so the walk itself stays as small as the composed document.
 */
final class YamlExpansionGuard {

    /** What a node stands for once its aliases are expanded; {@code height} is 0 for a scalar. */
    private record Expansion(long nodes, long chars, int height) {}

    /** The document is refused; {@code at} is the node whose line the error names. */
    static final class Refused extends Exception {
        private final transient Node at;

        private Refused(Node at, String message) {
            super(message, null, false, false);
            this.at = at;
        }

        Node at() {
            return at;
        }
    }

    private final Map<Node, Expansion> known = new IdentityHashMap<>();
    /** Nodes whose expansion is being counted: meeting one again means an alias inside what it names. */
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlExpansionGuard() {}

    /** @throws Refused for a document nested too deep, expanding too far, or holding an alias that contains itself */
    static void check(Node root) throws Refused {
        new YamlExpansionGuard().expand(root, null, 1);
    }

    private Expansion expand(Node node, Node parent, int depth) throws Refused {
        // Only an anchored node can be met twice (through its aliases), so only those are remembered.
        boolean anchored = node.getAnchor() != null;
        Expansion seen = anchored ? known.get(node) : null;
        if (seen != null) {
            if (depth + seen.height > InventoryLimits.MAX_DEPTH) {
                throw new Refused(
                        parent,
                        "nested more than " + InventoryLimits.MAX_DEPTH + " levels deep once " + alias(node)
                                + " is expanded");
            }
            return seen;
        }
        if (depth > InventoryLimits.MAX_DEPTH) {
            throw new Refused(node, "nested more than " + InventoryLimits.MAX_DEPTH + " levels deep");
        }
        if (anchored && !open.add(node)) {
            throw new Refused(
                    node, alias(node) + " is used inside what it names (an alias refers to itself), so it never ends");
        }
        Sum sum = new Sum(node);
        if (node instanceof ScalarNode s) {
            sum.chars = s.getValue().length();
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                sum.add(item, expand(item, node, depth + 1));
            }
        } else {
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                sum.add(t.getKeyNode(), expand(t.getKeyNode(), node, depth + 1));
                sum.add(t.getValueNode(), expand(t.getValueNode(), node, depth + 1));
            }
        }
        Expansion e = new Expansion(sum.nodes, sum.chars, sum.height);
        if (anchored) {
            open.remove(node);
            known.put(node, e);
        }
        return e;
    }

    /** A collection's expansion as its children are added; refuses it the moment it passes a limit. */
    private static final class Sum {
        private final Node node;
        private long nodes = 1;
        private long chars;
        private int height;

        Sum(Node node) {
            this.node = node;
        }

        void add(Node child, Expansion e) throws Refused {
            nodes += e.nodes;
            chars += e.chars;
            height = Math.max(height, e.height + 1);
            if (nodes > InventoryLimits.MAX_EXPANDED_NODES || chars > InventoryLimits.MAX_EXPANDED_CHARS) {
                throw tooLarge(node, child, e, nodes > InventoryLimits.MAX_EXPANDED_NODES);
            }
        }
    }

    private static Refused tooLarge(Node at, Node child, Expansion childSize, boolean byNodes) {
        String limit = byNodes
                ? String.format("%,d values", InventoryLimits.MAX_EXPANDED_NODES)
                : String.format("%,d characters", InventoryLimits.MAX_EXPANDED_CHARS);
        String via = child.getAnchor() == null
                ? ""
                : String.format(
                        "; %s stands for %,d values and %,d characters each time it appears",
                        alias(child), childSize.nodes, childSize.chars);
        return new Refused(at, "holds more than " + limit + " (each alias counted as a copy of what it names)" + via);
    }

    private static String alias(Node anchored) {
        return "`*" + anchored.getAnchor() + "` (anchored at line "
                + (anchored.getStartMark().getLine() + 1) + ")";
    }
}
