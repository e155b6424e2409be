package org.upgradeplanner.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every inventory under {@code src/test/resources/inventories/} and the shipped samples {@code inventory/*.yaml}, read
 * by the planner and by Ansible's own {@code ansible-inventory --list}: per host, the same groups (ancestors included,
 * {@code all} and {@code ungrouped} left out) and the same resolved variables, the planner's read as the planner reads
 * them. Needs {@code ansible-inventory} on the PATH (Debian: {@code apt-get install -y ansible-core}); without it this
 * test fails, it never passes quietly.
 */
class InventoryConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/inventories");
    private static final Path SAMPLES = Path.of("inventory");

    @BeforeAll
    static void ansibleInventoryIsInstalled() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ansible-inventory")));
        assertTrue(
                found,
                "ansible-inventory is not on the PATH: InventoryConformanceTest compares the planner with Ansible's own"
                        + " reading of each inventory. Install ansible-core (Debian/Ubuntu: apt-get install -y"
                        + " ansible-core; .ci/run does so when it is missing).");
    }

    @TestFactory
    List<DynamicTest> eachInventoryReadsAsAnsibleReadsIt() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(FIXTURES)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.list(SAMPLES)) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 8, "fixtures found: " + files);
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(f.toString(), () -> conforms(f)))
                .toList();
    }

    @Test
    void theYamlAndIniFleetsAreTheSameFleet() throws Exception {
        assertEquals(planner(FIXTURES.resolve("fleet.yaml")), planner(FIXTURES.resolve("fleet.ini")));
    }

    private static void conforms(Path file) throws Exception {
        Map<String, InventoryHost> ours = planner(file);
        JsonNode theirs = ansible(file);
        Map<String, Set<String>> groups = groupsWithAncestors(theirs);
        JsonNode hostvars = theirs.path("_meta").path("hostvars");
        Set<String> theirHosts = new TreeSet<>();
        hostvars.fieldNames().forEachRemaining(h -> theirHosts.add(Names.hostname(h)));
        groups.keySet().forEach(h -> theirHosts.add(Names.hostname(h)));
        assertEquals(theirHosts, new TreeSet<>(ours.keySet()), file + ": the hosts");

        for (String raw : allNames(hostvars, groups)) {
            String hostname = Names.hostname(raw);
            InventoryHost host = ours.get(hostname);
            ObjectNode vars = hostvars.has(raw) ? (ObjectNode) hostvars.get(raw) : JSON.createObjectNode();
            String where = file + " host " + hostname;
            assertEquals(groups.getOrDefault(raw, Set.of()), host.groups(), where + ": groups");
            assertEquals(expectedPlanner(vars), actualPlanner(host), where + ": the planner's variables");
            ObjectNode free = vars.deepCopy();
            free.remove(InventoryResolver.PLANNER_VARS);
            assertEquals(normalised(free), normalised(host.vars()), where + ": the other variables");
        }
    }

    private static Map<String, InventoryHost> planner(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        InventoryParser.Format format =
                InventoryParser.byName(file.getFileName().toString(), text);
        assertNotNull(format, file + " has no inventory format");
        return new InventoryParser(FactCache.none())
                .parse(file.getFileName().toString(), format, text).stream()
                        .collect(Collectors.toMap(InventoryHost::hostname, Function.identity()));
    }

    /** What {@code ansible-inventory -i FILE --list} prints, with its yaml and ini plugins only and failures fatal. */
    private static JsonNode ansible(Path file) throws Exception {
        Path err = Files.createTempFile("ansible-inventory", ".err");
        Path cfg = Files.createTempFile("ansible-empty", ".cfg");
        try {
            ProcessBuilder pb = new ProcessBuilder("ansible-inventory", "-i", file.toString(), "--list")
                    .redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.put("ANSIBLE_INVENTORY_ENABLED", "yaml,ini");
            env.put("ANSIBLE_INVENTORY_UNPARSED_FAILED", "true");
            env.put("ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED", "true");
            env.put("ANSIBLE_INVENTORY_UNPARSED_WARNING", "false");
            env.put("ANSIBLE_LOCALHOST_WARNING", "false");
            env.put("ANSIBLE_NOCOLOR", "true");
            // No ansible.cfg from the working folder or the home folder may change how the file is read.
            env.put("ANSIBLE_CONFIG", cfg.toString());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("ansible-inventory took more than 2 minutes on " + file);
            }
            if (p.exitValue() != 0) {
                fail("ansible-inventory failed on " + file + ": " + Files.readString(err));
            }
            return JSON.readTree(out);
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(cfg);
        }
    }

    /** Each host's groups, as {@code --list} shows them (hosts and children per group), closed over parents. */
    private static Map<String, Set<String>> groupsWithAncestors(JsonNode list) {
        Map<String, Set<String>> parents = new HashMap<>();
        Map<String, Set<String>> direct = new HashMap<>();
        list.fields().forEachRemaining(e -> {
            if (e.getKey().equals("_meta")) {
                return;
            }
            e.getValue()
                    .path("children")
                    .forEach(c -> parents.computeIfAbsent(c.asText(), k -> new HashSet<>())
                            .add(e.getKey()));
            e.getValue()
                    .path("hosts")
                    .forEach(h -> direct.computeIfAbsent(h.asText(), k -> new HashSet<>())
                            .add(e.getKey()));
        });
        Map<String, Set<String>> groups = new HashMap<>();
        direct.forEach((host, gs) -> {
            Set<String> all = new TreeSet<>();
            List<String> todo = new ArrayList<>(gs);
            while (!todo.isEmpty()) {
                String g = todo.remove(todo.size() - 1);
                if (all.add(g)) {
                    todo.addAll(parents.getOrDefault(g, Set.of()));
                }
            }
            all.removeAll(Set.of("all", "ungrouped"));
            groups.put(host, all);
        });
        return groups;
    }

    private static Set<String> allNames(JsonNode hostvars, Map<String, Set<String>> groups) {
        Set<String> names = new TreeSet<>(groups.keySet());
        hostvars.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The planner's variables from Ansible's values, read as {@link InventoryResolver} reads them. */
    private static Map<String, Object> expectedPlanner(ObjectNode vars) {
        Map<String, Object> p = new TreeMap<>();
        JsonNode os = vars.get("os");
        if (os != null && !os.isNull()) {
            Matcher m = Names.OS.matcher(os.asText().trim().toLowerCase(Locale.ROOT));
            assertTrue(m.matches(), "os " + os);
            p.put("os", m.group(1) + "-" + m.group(m.groupCount()));
        }
        p.put("services", names(vars.get("services"), false));
        p.put("depends_on", names(vars.get("depends_on"), true));
        for (String flag : List.of("stateful", "replaceable", "public")) {
            JsonNode v = vars.get(flag);
            boolean on = v != null
                    && (v.isBoolean()
                            ? v.booleanValue()
                            : Set.of("true", "yes", "on", "1")
                                    .contains(v.asText().trim().toLowerCase(Locale.ROOT)));
            p.put(flag, on);
        }
        return p;
    }

    private static Map<String, Object> actualPlanner(InventoryHost h) {
        Map<String, Object> p = new TreeMap<>();
        if (h.distro() != null) {
            p.put("os", h.distro() + "-" + h.version());
        }
        p.put("services", new TreeSet<>(h.services()));
        p.put("depends_on", new TreeSet<>(h.dependsOn()));
        p.put("stateful", h.stateful());
        p.put("replaceable", h.replaceable());
        p.put("public", h.isPublic());
        return p;
    }

    private static TreeSet<String> names(JsonNode v, boolean hostnames) {
        TreeSet<String> names = new TreeSet<>();
        if (v == null || v.isNull()) {
            return names;
        }
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        items.forEach(i ->
                names.add(hostnames ? Names.hostname(i.asText()) : i.asText().trim()));
        return names;
    }

    /** Through JSON and back, so that 12 as a Long and 12 as Ansible printed it compare equal. */
    private static JsonNode normalised(Object value) throws IOException {
        Object plain = value instanceof JsonNode n ? JSON.treeToValue(n, Object.class) : value;
        return JSON.readTree(JSON.writeValueAsString(plain == null ? new LinkedHashMap<>() : plain));
    }
}
