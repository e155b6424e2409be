package org.upgradeplanner.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.upgradeplanner.support.Problem.FieldError;

class InventoryParserTest {

    @TempDir
    Path facts;

    private Map<String, InventoryHost> yaml(String text) throws InventoryException {
        return new InventoryParser(new FactCache(facts))
                .parse("fleet.yaml", InventoryParser.Format.YAML, text).stream()
                        .collect(Collectors.toMap(InventoryHost::hostname, Function.identity()));
    }

    private List<FieldError> errors(String text) {
        return assertThrows(InventoryException.class, () -> yaml(text)).errors();
    }

    private static final String FLEET = """
            all:
              vars:
                owner: infra
                public: false
              children:
                ci:
                  vars:
                    datacenter: ord
                    os: ubuntu-12.04
                  children:
                    zuul_mergers:
                      vars:
                        services: [zuul-merger]
                        replaceable: true
                      hosts:
                        zm01.example.org:
                        ZM02.example.org:
                          os: ubuntu-14.04
                          owner: ci-team
                frontends:
                  vars:
                    public: true
                  hosts:
                    zm01.example.org:
                    review.example.org:
                      os: ubuntu-12.04
                      services: [gerrit]
                      stateful: yes
                      depends_on: [db01.example.org]
                db[01:02].example.org:
                  hosts:
                    db[01:02].example.org:
                      services: mysql
                      stateful: "true"
            """;

    @Test
    void groupVarsAreInheritedDeepestGroupAndHostWin() throws Exception {
        Map<String, InventoryHost> hosts = yaml(FLEET);
        InventoryHost zm02 = hosts.get("zm02.example.org");
        assertEquals("ubuntu", zm02.distro());
        assertEquals("14.04", zm02.version(), "host vars win over group vars");
        assertEquals(Set.of("zuul-merger"), zm02.services());
        assertTrue(zm02.replaceable());
        assertFalse(zm02.isPublic(), "from all's vars");
        assertEquals(Map.of("owner", "ci-team", "datacenter", "ord"), zm02.vars());
        assertEquals("inventory", zm02.osFrom());
        assertEquals(Set.of("ci", "zuul_mergers"), zm02.groups(), "host names are lower-cased; ancestor groups count");
    }

    @Test
    void aHostInTwoGroupsGetsBothGroupsVars() throws Exception {
        InventoryHost zm01 = yaml(FLEET).get("zm01.example.org");
        assertEquals(Set.of("ci", "frontends", "zuul_mergers"), zm01.groups());
        assertTrue(zm01.isPublic(), "from frontends");
        assertTrue(zm01.replaceable(), "from zuul_mergers");
        assertEquals("12.04", zm01.version(), "from ci, the parent of zuul_mergers");
    }

    @Test
    void rangesSingleNamesAndYamlBooleansAreRead() throws Exception {
        Map<String, InventoryHost> hosts = yaml(FLEET);
        assertEquals(
                Set.of(
                        "zm01.example.org",
                        "zm02.example.org",
                        "review.example.org",
                        "db01.example.org",
                        "db02.example.org"),
                hosts.keySet());
        assertEquals(Set.of("mysql"), hosts.get("db02.example.org").services());
        assertTrue(hosts.get("db02.example.org").stateful());
        assertTrue(hosts.get("review.example.org").stateful());
        assertEquals(Set.of("db01.example.org"), hosts.get("review.example.org").dependsOn());
    }

    @Test
    void siblingGroupsApplyInNameOrder() throws Exception {
        Map<String, InventoryHost> hosts = yaml("""
                all:
                  children:
                    b_group:
                      vars: {os: ubuntu-14.04}
                      hosts: {h1: }
                    a_group:
                      vars: {os: ubuntu-12.04}
                      hosts: {h1: }
                """);
        assertEquals("14.04", hosts.get("h1").version(), "like Ansible: same depth, later name wins");
    }

    @Test
    void groupPriorityComesBeforeTheNameAmongGroupsOfOneDepth() throws Exception {
        Map<String, InventoryHost> hosts = yaml("""
                all:
                  vars: {v: all}
                  children:
                    zeta:
                      vars: {v: zeta, ansible_group_priority: 1}
                      hosts: {h1: }
                    alpha:
                      vars: {v: alpha, ansible_group_priority: "5"}
                      hosts: {h1: , h2: }
                    mid:
                      vars: {v: mid, ansible_group_priority: 10}
                      children:
                        leaf:
                          vars: {w: leaf}
                          hosts: {h2: }
                """);
        // What ansible-inventory --list printed for this file.
        assertEquals(Map.of("v", "alpha"), hosts.get("h1").vars());
        assertEquals(Map.of("v", "mid", "w", "leaf"), hosts.get("h2").vars());
        assertEquals(Set.of("alpha", "leaf", "mid"), hosts.get("h2").groups());
    }

    @Test
    void aYamlFailureThatLooksLikeIniSaysSo() {
        List<FieldError> e = errors("# hosts\n[web]\nweb01 os=ubuntu-12.04\n");
        assertEquals("inventory", e.get(0).field());
        assertEquals(
                "fleet.yaml line 2: this looks like an INI inventory (`[web]`): send it as text/plain, or name the file .ini",
                e.get(0).message());
    }

    @Test
    void formatsByNameAndFirstLine() {
        assertEquals(InventoryParser.Format.INI, InventoryParser.byName("hosts.ini", "all:\n"));
        assertEquals(InventoryParser.Format.YAML, InventoryParser.byName("fleet.yml", "[web]\n"));
        assertEquals(InventoryParser.Format.JSON, InventoryParser.byName("list.json", "{}"));
        assertEquals(InventoryParser.Format.YAML, InventoryParser.byName("hosts", "# x\n---\nall:\n"));
        assertEquals(InventoryParser.Format.YAML, InventoryParser.byName("hosts", "all:\n  hosts:\n"));
        assertEquals(InventoryParser.Format.INI, InventoryParser.byName("hosts", "; x\n[web]\nh1\n"));
        assertEquals(InventoryParser.Format.INI, InventoryParser.byName("hosts", "h1:2222 a=b\n"));
        assertNull(InventoryParser.byName("README.md", "# Sample"));
    }

    @Test
    void factsFillInAMissingOs() throws Exception {
        Files.writeString(
                facts.resolve("db01.example.org"),
                "{\"ansible_distribution\": \"Ubuntu\", \"ansible_distribution_version\": \"12.04\", \"ansible_hostname\": \"db01\"}");
        Files.writeString(
                facts.resolve("rh01.example.org"),
                "{\"ansible_facts\": {\"ansible_distribution\": \"RedHat\", \"ansible_distribution_version\": \"7.9\"}}");
        Map<String, InventoryHost> hosts =
                yaml("all:\n  hosts:\n    db01.example.org:\n    rh01.example.org:\n    nofacts.example.org:\n");
        assertEquals("ubuntu", hosts.get("db01.example.org").distro());
        assertEquals("12.04", hosts.get("db01.example.org").version());
        assertEquals("facts", hosts.get("db01.example.org").osFrom());
        assertEquals("rhel", hosts.get("rh01.example.org").distro());
        assertNull(hosts.get("nofacts.example.org").distro());
        assertNull(hosts.get("nofacts.example.org").osFrom());
    }

    @Test
    void inventoryOsWinsOverFacts() throws Exception {
        Files.writeString(
                facts.resolve("git04"),
                "{\"ansible_distribution\": \"Ubuntu\", \"ansible_distribution_version\": \"12.04\"}");
        assertEquals(
                "14.04",
                yaml("all:\n  hosts:\n    git04:\n      os: ubuntu-14.04\n")
                        .get("git04")
                        .version());
    }

    @Test
    void brokenFactsFileIsAnError() throws IOException {
        Files.writeString(facts.resolve("db01"), "{not json");
        assertTrue(errors("all:\n  hosts:\n    db01:\n")
                .get(0)
                .message()
                .startsWith("facts/db01: facts/db01 is not valid JSON"));
    }

    @Test
    void yamlSyntaxErrorsNameLineAndColumn() {
        FieldError e = errors("all:\n  hosts:\n    a: [unclosed\n").get(0);
        assertTrue(e.message().startsWith("fleet.yaml line 4, column 1: not valid YAML"), e.message());
    }

    @Test
    void emptyAndNonMappingFilesAreErrors() {
        assertEquals(
                "fleet.yaml: the file is empty: an inventory starts with `all:`",
                errors("").get(0).message());
        assertEquals(
                "fleet.yaml line 1: an inventory is a mapping of groups, starting with `all:`",
                errors("- a\n- b\n").get(0).message());
    }

    @Test
    void duplicateKeysAreErrors() {
        assertEquals(
                "fleet.yaml line 4: duplicate key `a`",
                errors("all:\n  hosts:\n    a:\n    a:\n").get(0).message());
    }

    @Test
    void badStructureNamesTheLine() {
        List<FieldError> errors = errors("""
                all:
                  host:
                    a:
                  children:
                    web:
                      hosts: [a, b]
                    db: just a string
                """);
        assertEquals(
                List.of(
                        "fleet.yaml line 2: group `all` has unexpected key `host` (expected hosts, vars or children)",
                        "fleet.yaml line 6: `hosts` of group `web` must be a mapping",
                        "fleet.yaml line 7: group `db` must be a mapping with hosts, vars or children"),
                errors.stream().map(FieldError::message).toList());
        assertEquals("all.host", errors.get(0).field());
    }

    @Test
    void badPlannerVariablesNameTheLineAndValue() {
        List<FieldError> errors = errors("""
                all:
                  hosts:
                    a.example.org:
                      os: ubuntu
                      stateful: maybe
                      services: [ok, "not ok!"]
                      depends_on: ["-bad-"]
                    bad_host!:
                """);
        List<String> messages = errors.stream().map(FieldError::message).toList();
        assertTrue(
                messages.contains(
                        "fleet.yaml line 4: `os` must look like ubuntu-12.04 (distro, dash, version), not `ubuntu`"),
                messages.toString());
        assertTrue(
                messages.contains("fleet.yaml line 5: `stateful` must be true or false, not `maybe`"),
                messages.toString());
        assertTrue(
                messages.contains("fleet.yaml line 6: not a service name (letters, digits, . _ -): `not ok!`"),
                messages.toString());
        assertTrue(messages.contains("fleet.yaml line 7: not a host name: `-bad-`"), messages.toString());
        assertTrue(
                messages.stream().anyMatch(m -> m.contains("`bad_host!` is not a valid host name")),
                messages.toString());
        assertTrue(errors.stream().anyMatch(e -> e.field().equals("all.hosts.a.example.org.stateful")));
    }

    @Test
    void selfDependencyAndGroupCyclesAreErrors() {
        assertTrue(errors("all:\n  hosts:\n    a:\n      depends_on: [A]\n")
                .get(0)
                .message()
                .contains("cannot depend on itself"));
        assertTrue(
                errors("all:\n  children:\n    x:\n      children:\n        y:\n          children:\n            x:\n")
                        .stream()
                        .anyMatch(e -> e.message().contains("children form a cycle")));
    }

    @Test
    void selfReferencingAliasesAndOverflowingRangesAreErrorsNotCrashes() {
        assertTrue(errors("all:\n  vars:\n    loop: &a [*a]\n").get(0).message().contains("an alias refers to itself"));
        assertTrue(errors("all:\n  hosts:\n    h[1:5:99999999999999999999]:\n")
                .get(0)
                .message()
                .contains("is not valid"));
        assertTrue(errors("all:\n  hosts:\n    a[00000:99999]-[00000:99999]:\n")
                .get(0)
                .message()
                .contains("empty or too large"));
    }

    @Test
    void hugeRangesAreRefused() {
        assertTrue(errors("all:\n  hosts:\n    h[0:999999]:\n").get(0).message().contains("empty or too large"));
    }

    @Test
    void ansibleInventoryListJsonIsRead() throws Exception {
        String json = """
                {
                  "_meta": {"hostvars": {
                      "zm01.example.org": {"os": "ubuntu-12.04", "services": ["zuul-merger"], "replaceable": true, "rack": "r1"},
                      "review.example.org": {"os": "ubuntu-12.04", "stateful": true}
                  }},
                  "all": {"children": ["ungrouped", "ci"]},
                  "ci": {"children": ["zuul_mergers"], "vars": {"public": true}},
                  "zuul_mergers": {"hosts": ["zm01.example.org"]},
                  "ungrouped": {"hosts": ["review.example.org"]}
                }
                """;
        Map<String, InventoryHost> hosts = new InventoryParser(FactCache.none())
                .parse("list.json", InventoryParser.Format.JSON, json).stream()
                        .collect(Collectors.toMap(InventoryHost::hostname, Function.identity()));
        InventoryHost zm01 = hosts.get("zm01.example.org");
        assertEquals(Set.of("ci", "zuul_mergers"), zm01.groups());
        assertTrue(
                zm01.isPublic(), "group vars of a parent group reach members (exported inventories keep them there)");
        assertEquals(Map.of("rack", "r1"), zm01.vars());
        assertEquals(Set.of(), hosts.get("review.example.org").groups(), "ungrouped is no pool");
        assertTrue(hosts.get("review.example.org").stateful());
    }

    @Test
    void malformedJsonNamesLineOrPath() {
        InventoryParser p = new InventoryParser(FactCache.none());
        FieldError syntax = assertThrows(
                        InventoryException.class,
                        () -> p.parse("list.json", InventoryParser.Format.JSON, "{\n \"all\": [}"))
                .errors()
                .get(0);
        assertTrue(syntax.message().startsWith("list.json line 2, column 10: not valid JSON"), syntax.message());
        FieldError shape = assertThrows(
                        InventoryException.class,
                        () -> p.parse("list.json", InventoryParser.Format.JSON, "{\"web\": {\"hosts\": \"a\"}}"))
                .errors()
                .get(0);
        assertEquals("web.hosts", shape.field());
        assertEquals("list.json: `web.hosts` must be a list of names", shape.message());
    }

    private static List<FieldError> jsonErrors(String json) {
        return assertThrows(
                        InventoryException.class,
                        () -> new InventoryParser(FactCache.none())
                                .parse("list.json", InventoryParser.Format.JSON, json))
                .errors();
    }

    private static Map<String, String> byField(List<FieldError> errors) {
        return errors.stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + " | " + b));
    }

    @Test
    void jsonOfTheWrongShapeNamesThePlace() {
        assertEquals(
                Map.of("_meta", "list.json: `_meta` must be an object holding `hostvars`"),
                byField(jsonErrors("{\"_meta\": 5}")));
        assertEquals(
                Map.of("_meta.hostvars", "list.json: `_meta.hostvars` must be an object"),
                byField(jsonErrors("{\"_meta\": {\"hostvars\": [\"web01\"]}}")));
        assertEquals(
                Map.of("_meta.extra", "list.json: `_meta` has unexpected key `extra` (expected hostvars)"),
                byField(jsonErrors("{\"_meta\": {\"hostvars\": {}, \"extra\": {}}}")));
        assertEquals(
                Map.of("_meta.hostvars.web01", "list.json: `_meta.hostvars.web01` must be an object"),
                byField(jsonErrors("{\"_meta\": {\"hostvars\": {\"web01\": \"os=ubuntu-12.04\", \"web02\": {}}}}")));
        Map<String, String> groups = byField(jsonErrors("""
                {"all": {"children": "web"},
                 "web": {"children": ["ok", 5, {"x": 1}], "hosts": {"web01": {}}, "vars": ["a"]},
                 "db": null,
                 "ok": 7}
                """));
        assertEquals(
                Map.of(
                        "all.children", "list.json: `all.children` must be a list of names",
                        "web.children[1]", "list.json: expected a name, found a number",
                        "web.children[2]", "list.json: expected a name, found an object",
                        "web.hosts", "list.json: `web.hosts` must be a list of names",
                        "web.vars", "list.json: `web.vars` must be an object",
                        "db", "list.json: group `db` must be an object",
                        "ok", "list.json: group `ok` must be an object"),
                groups);
    }

    @Test
    void jsonDuplicateKeysAreRefusedNamingTheKey() {
        FieldError host = jsonErrors(
                        "{\"_meta\": {\"hostvars\": {\n  \"web01\": {},\n  \"web01\": {\"os\": \"ubuntu-12.04\"}}}}")
                .get(0);
        assertEquals("_meta.hostvars.web01", host.field());
        assertTrue(host.message().startsWith("list.json line 3, column "), host.message());
        assertTrue(host.message().endsWith(": duplicate key `web01`"), host.message());
        assertEquals(
                "web.vars.os",
                jsonErrors("{\"web\": {\"vars\": {\"os\": \"a\", \"os\": \"b\"}}}")
                        .get(0)
                        .field());
        assertEquals(
                "all",
                jsonErrors("{\"all\": {}, \"all\": {\"hosts\": [\"a\"]}}")
                        .get(0)
                        .field());
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(100) + "]".repeat(100);
        FieldError e = jsonErrors("{\"_meta\": {\"hostvars\": {\"a\": {\"x\": " + deep + "}}}}")
                .get(0);
        assertEquals("inventory", e.field());
        assertTrue(e.message().endsWith("nested more than 64 levels deep"), e.message());
    }

    @Test
    void yamlOfTheWrongShapeNamesThePlaceAndLine() {
        Map<String, String> errors = byField(errors("""
                all:
                  vars: [a, b]
                  children:
                    web:
                      vars: just text
                      children: [db]
                      hosts:
                        web01: [os, ubuntu-12.04]
                        web02: plain
                    db:
                      hosts:
                        ? [db01, db02]
                        : {os: ubuntu-12.04}
                """));
        assertEquals(
                Map.of(
                        "all.vars", "fleet.yaml line 2: `vars` of group `all` must be a mapping",
                        "all.children.web.vars", "fleet.yaml line 5: `vars` of group `web` must be a mapping",
                        "all.children.web.children", "fleet.yaml line 6: `children` of group `web` must be a mapping",
                        "all.children.web.hosts.web01", "fleet.yaml line 8: vars of host `web01` must be a mapping",
                        "all.children.web.hosts.web02", "fleet.yaml line 9: vars of host `web02` must be a mapping",
                        "all.children.db.hosts", "fleet.yaml line 12: keys must be plain names"),
                errors);
    }

    @Test
    void aKeyWrittenTwiceInsideAVariableIsAnError() {
        FieldError e = errors("all:\n  vars:\n    users:\n      alice: 1\n      alice: 2\n")
                .get(0);
        assertEquals("all.vars.users", e.field());
        assertEquals("fleet.yaml line 5: duplicate key `alice`", e.message());
    }

    /** Bytes this thread allocated while running {@code parse}: a refused bomb must not have been built first. */
    private long allocatedWhile(Runnable parse) {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        parse.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void anAliasBombIsRefusedBeforeItIsBuilt() {
        // 7 levels of 7 aliases each (49, under SnakeYAML's cap of 50): 823,543 copies of a 200-item list, 165 million
        // values.
        StringBuilder bomb = new StringBuilder("all:\n  vars:\n    l0: &l0 [");
        bomb.append(String.join(", ", java.util.Collections.nCopies(200, "xxxxxxxxxx")))
                .append("]\n");
        for (int level = 1; level <= 7; level++) {
            bomb.append("    l")
                    .append(level)
                    .append(": &l")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(7, "*l" + (level - 1))))
                    .append("]\n");
        }
        bomb.append("  hosts:\n    h1:\n");
        assertTrue(bomb.length() < 15_000, "a small document: " + bomb.length());
        List<FieldError>[] refused = new List[1];
        long allocated = allocatedWhile(() -> refused[0] = errors(bomb.toString()));
        FieldError e = refused[0].get(0);
        assertEquals("inventory", e.field());
        assertTrue(
                e.message()
                        .startsWith(
                                "fleet.yaml line 8: holds more than 1,000,000 values (each alias counted as a copy of what it names);"
                                        + " `*l4` (anchored at line 7) stands for 483,"),
                e.message());
        assertTrue(allocated < 64L * 1024 * 1024, "refused before expanding: " + allocated + " bytes allocated");
    }

    @Test
    void aLongStringRepeatedByScalarAliasesIsRefused() {
        // SnakeYAML does not count aliases of scalars at all: 4,000 of them make 40 million characters of 10 KB.
        String yaml = "all:\n  vars:\n    s: &s " + "y".repeat(10_000) + "\n    many: ["
                + String.join(", ", java.util.Collections.nCopies(4_000, "*s")) + "]\n";
        FieldError e = errors(yaml).get(0);
        assertTrue(e.message().startsWith("fleet.yaml line 4: holds more than 33,554,432 characters"), e.message());
        assertTrue(
                e.message().contains("`*s` (anchored at line 3) stands for 1 values and 10,000 characters"),
                e.message());
    }

    @Test
    void deepNestingIsRefusedWithItsLineAliasesIncluded() {
        String deep = "all:\n  vars:\n    x: " + "[".repeat(100) + "]".repeat(100) + "\n";
        FieldError plain = errors(deep).get(0);
        assertTrue(plain.message().startsWith("fleet.yaml line 3, column "), plain.message());
        assertTrue(plain.message().contains("Nesting Depth exceeded max 64"), plain.message());

        StringBuilder viaAliases = new StringBuilder("all:\n  vars:\n    d0: &d0 1\n");
        for (int level = 1; level <= 7; level++) {
            viaAliases
                    .append("    d")
                    .append(level)
                    .append(": &d")
                    .append(level)
                    .append(' ')
                    .append("[".repeat(10))
                    .append("*d")
                    .append(level - 1)
                    .append("]".repeat(10))
                    .append('\n');
        }
        FieldError aliased = errors(viaAliases.toString()).get(0);
        assertTrue(
                aliased.message()
                        .matches(
                                "fleet\\.yaml line \\d+: nested more than 64 levels deep once `\\*d\\d` \\(anchored at line \\d+\\) is expanded"),
                aliased.message());
    }

    @Test
    void aGroupThatContainsItselfThroughAnAliasIsAnErrorNotAStackOverflow() {
        FieldError e = errors("all: &top\n  children:\n    loop: *top\n").get(0);
        assertEquals(
                "fleet.yaml line 1: `*top` (anchored at line 1) is used inside what it names (an alias refers to itself), so it never ends",
                e.message());
    }

    @Test
    void aliasesWithinTheLimitsStillWork() throws Exception {
        Map<String, InventoryHost> hosts = yaml("""
                all:
                  children:
                    web:
                      vars: &common {os: ubuntu-14.04, services: [www]}
                      hosts: {web01: , web02: }
                    api:
                      vars: *common
                      hosts: {api01: }
                """);
        assertEquals(Set.of("www"), hosts.get("api01").services());
        assertEquals("14.04", hosts.get("web02").version());
    }

    @Test
    void rawControlCharactersInYamlNameLineAndColumn() {
        assertEquals(
                "fleet.yaml line 3, column 9: not valid YAML: character U+0000 is not allowed",
                errors("all:\n  vars:\n    a: b\u0000\n").get(0).message());
    }

    @Test
    void controlCharactersInYamlNamesAndValuesAreRefusedLineBreaksInValuesAreNot() throws Exception {
        Map<String, String> errors = byField(errors("""
                all:
                  vars:
                    banner: "\\e[2Jhacked"
                    motd: {"line\\tone": x}
                  children:
                    "web\\a":
                      hosts: {h1: }
                """));
        assertEquals(
                Map.of(
                        "all.vars.banner", "fleet.yaml line 3: control character U+001B at character 1 is not allowed",
                        "all.vars.motd", "fleet.yaml line 4: control character U+0009 at character 5 is not allowed",
                        "all.children",
                                "fleet.yaml line 6: a name with control character U+0007 at character 4 is not allowed"),
                errors);
        InventoryHost h1 = yaml("all:\n  vars:\n    motd: |\n      first\tline\n      second line\n  hosts:\n    h1:\n")
                .get("h1");
        assertEquals("first\tline\nsecond line\n", h1.vars().get("motd"));
    }

    @Test
    void controlCharactersInJsonNamesAndValuesAreRefusedWithTheirPath() throws Exception {
        Map<String, String> errors = byField(jsonErrors("""
                {"_meta": {"hostvars": {"h1": {"note": "a\\u0000b", "ok": "two\\nlines"}}},
                 "web": {"hosts": ["h1", "h\\u00072"], "vars": {"deep": {"list": ["fine", "\\u001b[31m"]}}},
                 "bad\\u0008group": {}}
                """));
        assertEquals(
                Map.of(
                        "_meta.hostvars.h1.note", "list.json: control character U+0000 at character 2 is not allowed",
                        "web.hosts[1]", "list.json: control character U+0007 at character 2 is not allowed",
                        "web.vars.deep.list[1]", "list.json: control character U+001B at character 1 is not allowed",
                        "bad\bgroup", "list.json: control character U+0008 at character 4 is not allowed"),
                errors);
    }

    @Test
    void aLongChainOfChildGroupsIsAnErrorNotAStackOverflow() {
        StringBuilder chain = new StringBuilder("all:\n  children:\n");
        for (int i = 0; i < 20_000; i++) {
            chain.append("    g")
                    .append(i)
                    .append(": {children: {g")
                    .append(i + 1)
                    .append(": }}\n");
        }
        chain.append("    g20000: {hosts: {h1: }}\n");
        FieldError e = errors(chain.toString()).get(0);
        assertEquals("g64", e.field());
        assertEquals("fleet.yaml: group `g64` is more than 64 levels of children below `all`", e.message());
    }

    @Test
    void hostVarsAreCappedPerHostAndPerInventoryAsTheyWillBeStored() {
        FieldError one = errors("all:\n  hosts:\n    h1:\n      blob: " + "b".repeat(100_000) + "\n")
                .get(0);
        assertEquals("h1", one.field());
        assertEquals(
                "fleet.yaml: the vars of `h1` take 100,011 characters of JSON, group vars included; at most 100,000 per host",
                one.message());

        // 60 KB of group vars copied to 2,000 hosts would be stored as 120 MB.
        List<FieldError> all =
                errors("all:\n  vars:\n    blob: " + "b".repeat(60_000) + "\n  hosts:\n    h[0000:1999]:\n");
        assertEquals(1, all.size(), "said once");
        assertTrue(
                all.get(0)
                        .message()
                        .matches(
                                "fleet\\.yaml: with `h1\\d{3}`, the hosts' vars take more than 67,108,864 characters of JSON together"
                                        + " \\(group vars count once per member host\\)"),
                all.get(0).message());
    }
}
