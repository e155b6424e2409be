package org.upgradeplanner.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.support.ControlCharacters;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A variable's YAML node as plain Java: String, Boolean, Long, Double, List, Map (insertion-ordered) or null. Runs
 * only on documents {@link YamlExpansionGuard} let through, so it meets no alias cycle and no runaway size. Text with
 * a {@linkplain ControlCharacters control character} is refused (values may span lines, keys may not).
 */
final class YamlValues {

    /** A value the planner will not keep; {@code at} is the node whose line the error names. */
    static final class Invalid extends IllegalArgumentException {
        private final transient Node at;

        Invalid(Node at, String message) {
            super(message);
            this.at = at;
        }

        Node at() {
            return at;
        }
    }

    private YamlValues() {}

    static Object toJava(Node node) {
        if (node instanceof ScalarNode s) {
            return scalar(s, true);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            seq.getValue().forEach(n -> list.add(toJava(n)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            String key =
                    String.valueOf(t.getKeyNode() instanceof ScalarNode k ? scalar(k, false) : toJava(t.getKeyNode()));
            if (map.containsKey(key)) {
                throw new Invalid(t.getKeyNode(), "duplicate key `" + key + "`");
            }
            map.put(key, toJava(t.getValueNode()));
        }
        return map;
    }

    /**
     * A YAML 1.1 integer as PyYAML (so Ansible) reads it: {@code 0755} is octal (493), {@code 0x1F} hex, {@code 0b101}
     * binary, {@code 1:30} base 60 (90), underscores ignored; Long, or BigInteger when larger.
     */
    static Object yaml11Int(String text) {
        String v = text.replace("_", "");
        boolean negative = v.startsWith("-");
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        java.math.BigInteger n;
        if (v.equals("0")) {
            n = java.math.BigInteger.ZERO;
        } else if (v.startsWith("0b")) {
            n = new java.math.BigInteger(v.substring(2), 2);
        } else if (v.startsWith("0x")) {
            n = new java.math.BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0")) {
            n = new java.math.BigInteger(v, 8);
        } else if (v.contains(":")) {
            n = java.math.BigInteger.ZERO;
            for (String part : v.split(":")) {
                n = n.multiply(java.math.BigInteger.valueOf(60)).add(new java.math.BigInteger(part));
            }
        } else {
            n = new java.math.BigInteger(v);
        }
        if (negative) {
            n = n.negate();
        }
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    private static Object scalar(ScalarNode s, boolean multiLine) {
        String v = s.getValue();
        int control = ControlCharacters.indexOf(v, multiLine);
        if (control >= 0) {
            throw new Invalid(s, ControlCharacters.describe(v, control) + " is not allowed");
        }
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
                return yaml11Int(v);
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
}
