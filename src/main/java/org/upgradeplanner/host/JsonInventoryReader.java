package org.upgradeplanner.host;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.support.ControlCharacters;

/**
 * Reads what {@code ansible-inventory -i SOURCE --list} prints: groups with {@code hosts} and {@code children} lists
 * (and {@code vars} when exported), and the resolved host variables under {@code _meta.hostvars}. Any inventory
 * Ansible reads (INI, dynamic plugins) reaches the planner this way. Errors name the JSON path. Names and text
 * values with a {@linkplain ControlCharacters control character} are refused (values may span lines, names may not).
 */
final class JsonInventoryReader {

    /** A key written twice is refused: JSON leaves open which one counts, and a silent pick hides a broken export. */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(InventoryLimits.MAX_DEPTH)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonInventoryReader() {}

    static InventoryModel read(String source, String file, String json) {
        InventoryModel model = new InventoryModel(source);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            unreadable(model, file, e);
            return model;
        }
        if (!(root instanceof ObjectNode top)) {
            model.error("inventory", file, "expected the JSON object that `ansible-inventory --list` prints");
            return model;
        }
        top.fields().forEachRemaining(e -> {
            if (e.getKey().equals("_meta")) {
                meta(model, e.getValue(), file);
            } else {
                group(model, e.getKey(), e.getValue(), file);
            }
        });
        return model;
    }

    private static void unreadable(InventoryModel model, String file, JsonProcessingException e) {
        String where = e.getLocation() == null
                ? file
                : file + " line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        if (e instanceof StreamConstraintsException) {
            model.error("inventory", where, "nested more than " + InventoryLimits.MAX_DEPTH + " levels deep");
        } else if (e.getProcessor() instanceof JsonParser parser
                && e.getOriginalMessage().startsWith("Duplicate field")) {
            String name = parser.getParsingContext().getCurrentName();
            model.error(path(parser.getParsingContext()), where, "duplicate key `" + name + "`");
        } else {
            model.error("inventory", where, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** {@code _meta.hostvars.web01}, {@code all.children[2]}: where the parser stands, in the paths errors use. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    private static void meta(InventoryModel model, JsonNode meta, String file) {
        if (!meta.isObject()) {
            model.error("_meta", file, "`_meta` must be an object holding `hostvars`");
            return;
        }
        meta.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("hostvars")) {
                model.error(
                        "_meta." + e.getKey(),
                        file,
                        "`_meta` has unexpected key `" + e.getKey() + "` (expected hostvars)");
            } else if (!e.getValue().isObject()) {
                model.error("_meta.hostvars", file, "`_meta.hostvars` must be an object");
            } else {
                e.getValue().fields().forEachRemaining(h -> {
                    if (!clean(model, h.getKey(), false, "_meta.hostvars." + h.getKey(), file)) {
                        return;
                    }
                    Map<String, InventoryModel.Value> vars =
                            model.hostVars.computeIfAbsent(h.getKey(), k -> new LinkedHashMap<>());
                    vars(model, h.getValue(), "_meta.hostvars." + h.getKey(), file, vars);
                });
            }
        });
    }

    private static void group(InventoryModel model, String name, JsonNode node, String file) {
        if (!clean(model, name, false, name, file)) {
            return;
        }
        InventoryModel.Group group = model.group(name);
        if (!node.isObject()) {
            model.error(name, file, "group `" + name + "` must be an object");
            return;
        }
        node.fields().forEachRemaining(e -> {
            String path = name + "." + e.getKey();
            JsonNode value = e.getValue();
            switch (e.getKey()) {
                case "hosts" ->
                    names(model, value, path, file).forEach(h -> {
                        group.hosts.add(h);
                        model.hostVars.computeIfAbsent(h, k -> new LinkedHashMap<>());
                    });
                case "children" ->
                    names(model, value, path, file).forEach(c -> {
                        group.children.add(c);
                        model.group(c);
                    });
                case "vars" -> vars(model, value, path, file, group.vars);
                default ->
                    model.error(
                            path,
                            file,
                            "group `" + name + "` has unexpected key `" + e.getKey()
                                    + "` (expected hosts, vars or children)");
            }
        });
    }

    private static List<String> names(InventoryModel model, JsonNode list, String path, String file) {
        List<String> names = new ArrayList<>();
        if (!list.isArray()) {
            model.error(path, file, "`" + path + "` must be a list of names");
            return names;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isTextual()) {
                if (clean(model, list.get(i).asText(), false, path + "[" + i + "]", file)) {
                    names.add(list.get(i).asText());
                }
            } else {
                model.error(path + "[" + i + "]", file, "expected a name, found " + kind(list.get(i)));
            }
        }
        return names;
    }

    private static void vars(
            InventoryModel model, JsonNode vars, String path, String file, Map<String, InventoryModel.Value> into) {
        if (!vars.isObject()) {
            model.error(path, file, "`" + path + "` must be an object");
            return;
        }
        vars.fields().forEachRemaining(e -> {
            String at = path + "." + e.getKey();
            if (clean(model, e.getKey(), false, at, file) && cleanValue(model, e.getValue(), at, file)) {
                into.put(
                        e.getKey(),
                        new InventoryModel.Value(
                                JSON.convertValue(e.getValue(), Object.class), at, file + " at " + at));
            }
        });
    }

    /** Whether {@code text} is free of control characters; if not, records an error at {@code path}. */
    private static boolean clean(InventoryModel model, String text, boolean multiLine, String path, String file) {
        int control = ControlCharacters.indexOf(text, multiLine);
        if (control >= 0) {
            model.error(path, file, ControlCharacters.describe(text, control) + " is not allowed");
        }
        return control < 0;
    }

    /** {@link #clean} for every key and text inside a variable's value; stops at the first error. */
    private static boolean cleanValue(InventoryModel model, JsonNode value, String path, String file) {
        if (value.isTextual()) {
            return clean(model, value.textValue(), true, path, file);
        }
        for (int i = 0; value.isArray() && i < value.size(); i++) {
            if (!cleanValue(model, value.get(i), path + "[" + i + "]", file)) {
                return false;
            }
        }
        for (var fields = value.fields(); fields.hasNext(); ) {
            var e = fields.next();
            String at = path + "." + e.getKey();
            if (!clean(model, e.getKey(), false, at, file) || !cleanValue(model, e.getValue(), at, file)) {
                return false;
            }
        }
        return true;
    }

    /** What was found instead, in the document's terms (never the value itself: it may be huge). */
    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            default -> "null";
        };
    }
}
