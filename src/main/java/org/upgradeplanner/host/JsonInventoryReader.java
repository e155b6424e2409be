package org.upgradeplanner.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what {@code ansible-inventory -i SOURCE --list} prints: groups with {@code hosts} and {@code children} lists
 * (and {@code vars} when exported), and the resolved host variables under {@code _meta.hostvars}. Any inventory
 * Ansible reads (INI, dynamic plugins) reaches the planner this way. Errors name the JSON path.
 */
final class JsonInventoryReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonInventoryReader() {
    }

    static InventoryModel read(String source, String file, String json) {
        InventoryModel model = new InventoryModel(source);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? file : file + " line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            model.error("inventory", where, "not valid JSON: " + e.getOriginalMessage());
            return model;
        }
        if (!(root instanceof ObjectNode top)) {
            model.error("inventory", file, "expected the JSON object that `ansible-inventory --list` prints");
            return model;
        }
        JsonNode hostvars = top.path("_meta").path("hostvars");
        if (!hostvars.isMissingNode() && !hostvars.isObject()) {
            model.error("_meta.hostvars", file, "`_meta.hostvars` must be an object");
        }
        hostvars.fields().forEachRemaining(e -> {
            Map<String, InventoryModel.Value> vars = model.hostVars.computeIfAbsent(e.getKey(), h -> new LinkedHashMap<>());
            vars(model, e.getValue(), "_meta.hostvars." + e.getKey(), file, vars);
        });
        top.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("_meta")) {
                group(model, e.getKey(), e.getValue(), file);
            }
        });
        return model;
    }

    private static void group(InventoryModel model, String name, JsonNode node, String file) {
        InventoryModel.Group group = model.group(name);
        if (!node.isObject()) {
            model.error(name, file, "group `" + name + "` must be an object");
            return;
        }
        node.fields().forEachRemaining(e -> {
            String path = name + "." + e.getKey();
            JsonNode value = e.getValue();
            switch (e.getKey()) {
                case "hosts" -> names(model, value, path, file).forEach(h -> {
                    group.hosts.add(h);
                    model.hostVars.computeIfAbsent(h, k -> new LinkedHashMap<>());
                });
                case "children" -> names(model, value, path, file).forEach(c -> {
                    group.children.add(c);
                    model.group(c);
                });
                case "vars" -> vars(model, value, path, file, group.vars);
                default -> model.error(path, file, "group `" + name + "` has unexpected key `" + e.getKey() + "` (expected hosts, vars or children)");
            }
        });
    }

    private static Iterable<String> names(InventoryModel model, JsonNode list, String path, String file) {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (!list.isArray()) {
            model.error(path, file, "`" + path + "` must be a list of names");
            return names;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isTextual()) {
                names.add(list.get(i).asText());
            } else {
                model.error(path + "[" + i + "]", file, "expected a name, found " + list.get(i));
            }
        }
        return names;
    }

    private static void vars(InventoryModel model, JsonNode vars, String path, String file, Map<String, InventoryModel.Value> into) {
        if (!vars.isObject()) {
            model.error(path, file, "`" + path + "` must be an object");
            return;
        }
        vars.fields().forEachRemaining(e -> into.put(e.getKey(),
                new InventoryModel.Value(JSON.convertValue(e.getValue(), Object.class), path + "." + e.getKey(), file + " at " + path + "." + e.getKey())));
    }
}
