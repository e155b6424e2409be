package org.upgradeplanner.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.Problem.FieldError;

/** The INI reader, its word splitter and its Python literals, against what Ansible 2.14's ini plugin was seen to do. */
class IniInventoryReaderTest {

    private static Map<String, InventoryHost> ini(String text) throws InventoryException {
        return new InventoryParser(FactCache.none())
                .parse("hosts.ini", InventoryParser.Format.INI, text).stream()
                        .collect(Collectors.toMap(InventoryHost::hostname, Function.identity()));
    }

    private static List<String> errors(String text) {
        return assertThrows(InventoryException.class, () -> ini(text)).errors().stream()
                .map(FieldError::message)
                .toList();
    }

    private static final String FLEET = """
            # the CI fleet
            ; another comment
            loose.example.org owner=ops

            [zuul_mergers]
            zm[01:04:2].example.org
            zm02.example.org os=ubuntu-14.04 owner=ci-team

            [zuul_mergers:vars]
            os=ubuntu-12.04
            services=['zuul-merger']
            replaceable=True
            rack = r1 # not a Python literal, so the comment stays in the text

            [frontends]
            zm01.example.org
            review.example.org:2222 os=ubuntu-12.04 services="['gerrit']" stateful=True depends_on="['db01.example.org']"

            [frontends:vars]
            public=True
            port=8080 # a Python comment after a literal

            [ci:children]
            zuul_mergers

            [ci]

            [ci:vars]
            datacenter=ord

            [all:vars]
            owner=infra
            """;

    @Test
    void sectionsChildrenAndVarsResolveAsInAnsible() throws Exception {
        Map<String, InventoryHost> hosts = ini(FLEET);
        assertEquals(
                Set.of(
                        "loose.example.org",
                        "zm01.example.org",
                        "zm02.example.org",
                        "zm03.example.org",
                        "review.example.org"),
                hosts.keySet());
        InventoryHost zm01 = hosts.get("zm01.example.org");
        assertEquals(Set.of("ci", "frontends", "zuul_mergers"), zm01.groups(), "ancestors included");
        assertTrue(zm01.replaceable());
        assertTrue(zm01.isPublic());
        assertEquals(Set.of("zuul-merger"), zm01.services());
        assertEquals("12.04", zm01.version());
        assertEquals(8080L, zm01.vars().get("port"));
        assertEquals(
                "r1 # not a Python literal, so the comment stays in the text",
                zm01.vars().get("rack"));
        assertEquals("infra", zm01.vars().get("owner"));
        assertEquals("ord", zm01.vars().get("datacenter"));

        InventoryHost zm02 = hosts.get("zm02.example.org");
        assertEquals("14.04", zm02.version(), "host vars win");
        assertEquals("ci-team", zm02.vars().get("owner"));

        InventoryHost review = hosts.get("review.example.org");
        assertEquals(Set.of("frontends"), review.groups());
        assertTrue(review.stateful());
        assertEquals(Set.of("gerrit"), review.services());
        assertEquals(Set.of("db01.example.org"), review.dependsOn());
        assertEquals(2222L, review.vars().get("ansible_port"));

        InventoryHost loose = hosts.get("loose.example.org");
        assertEquals(Set.of(), loose.groups(), "ungrouped is no pool");
        assertEquals("ops", loose.vars().get("owner"));
    }

    @Test
    void hostLineValuesArePythonLiteralsAndOnlyPythonsTrueIsABoolean() throws Exception {
        InventoryHost h = ini("""
                [g]
                h1 b1=True b2=true b3=yes n1=12 n2=1.5 n3=0x10 n4=1_000 n5=-3 s1="hello world" s2='x' t=(1,2) d="{'a': 1}" e="" nul=None c=a#b rest=ignored
                """).get("h1");
        Map<String, Object> v = h.vars();
        assertEquals(Boolean.TRUE, v.get("b1"));
        assertEquals("true", v.get("b2"));
        assertEquals("yes", v.get("b3"));
        assertEquals(12L, v.get("n1"));
        assertEquals(1.5, v.get("n2"));
        assertEquals(16L, v.get("n3"));
        assertEquals(1000L, v.get("n4"));
        assertEquals(-3L, v.get("n5"));
        assertEquals("hello world", v.get("s1"));
        assertEquals("x", v.get("s2"));
        assertEquals(List.of(1L, 2L), v.get("t"));
        assertEquals(Map.of("a", 1L), v.get("d"));
        assertEquals("", v.get("e"));
        assertTrue(v.containsKey("nul") && v.get("nul") == null);
        assertEquals("a", v.get("c"), "an unquoted # ends the line, even inside a word");
        assertFalse(v.containsKey("rest"));
    }

    @Test
    void stringBooleansStillCountForThePlannerVariables() throws Exception {
        InventoryHost h =
                ini("[g]\nh1 stateful=true replaceable=yes public=False\n").get("h1");
        assertTrue(h.stateful());
        assertTrue(h.replaceable());
        assertFalse(h.isPublic());
    }

    @Test
    void groupPriorityOrdersSiblingsAndIsNoHostVariable() throws Exception {
        Map<String, InventoryHost> hosts = ini("""
                [zeta]
                h1
                [alpha]
                h1
                h2 ansible_group_priority=3
                [alpha:vars]
                v=alpha
                ansible_group_priority=5
                [zeta:vars]
                v=zeta
                """);
        assertEquals("alpha", hosts.get("h1").vars().get("v"), "priority 5 applies after zeta's default 1");
        assertFalse(hosts.get("h1").vars().containsKey("ansible_group_priority"));
        assertEquals(3L, hosts.get("h2").vars().get("ansible_group_priority"), "on a host it is a plain variable");
        assertEquals(
                List.of("hosts.ini line 4: `ansible_group_priority` of group `g` must be a whole number, not `abc`"),
                errors("[g]\nh1\n[g:vars]\nansible_group_priority=abc\n"));
    }

    @Test
    void aHostListedUngroupedAndInAGroupIsNotUngrouped() throws Exception {
        Map<String, InventoryHost> hosts = ini("""
                h1
                h2
                [web]
                h1
                [ungrouped:vars]
                u=1
                """);
        assertFalse(hosts.get("h1").vars().containsKey("u"));
        assertEquals(1L, hosts.get("h2").vars().get("u"));
        assertEquals(Set.of("web"), hosts.get("h1").groups());
    }

    @Test
    void rangesExpandWithStrideLettersAndPadding() throws Exception {
        assertEquals(
                Set.of("web01", "web03", "web05", "xa", "xb", "xc"),
                ini("[g]\nweb[01:05:2]\nx[a:c]\n").keySet());
        assertEquals(
                Set.of("upy", "upz", "upa", "upb", "h0", "h1"),
                ini("[g]\nup[y:B]\nh[:1]\n").keySet());
        assertEquals(
                List.of("hosts.ini line 2: host range `[01:100]` starts zero-padded, so its end needs as many digits"),
                errors("[g]\nh[01:100]\n"));
    }

    @Test
    void aHugeRangeIsRefusedNotExpanded() {
        List<String> e = errors("[g]\nh[0:99999999]\n");
        assertEquals(1, e.size());
        assertTrue(e.get(0).startsWith("hosts.ini line 2: host range `[0:99999999]` is empty or too large"), e.get(0));
    }

    @Test
    void everyErrorNamesTheLine() {
        List<String> e = errors("""
                [g]
                h1 novalue
                h2 a="open
                [g:nonsense]
                x
                [bad group]
                [h:vars]
                noequals
                [p:children]
                missing
                bad!host
                [q]
                h3 s="{1, 2}"
                ---
                """);
        assertEquals(
                List.of(
                        "hosts.ini line 2: expected key=value after the host name, got `novalue`",
                        "hosts.ini line 3: cannot split the host line: no closing quotation",
                        "hosts.ini line 4: section `[g:nonsense]` has unknown type `nonsense` (expected [g], [g:vars] or [g:children])",
                        "hosts.ini line 6: `[bad group]` is not a valid section: write [group], [group:vars] or [group:children], with no spaces",
                        "hosts.ini line 8: expected key=value in [h:vars], got `noequals`",
                        "hosts.ini line 13: `s`: a Python set cannot be stored: use a list, [...] (quote the value to keep it as text)",
                        "hosts.ini line 14: `---` starts a YAML document: this looks like a YAML inventory, not INI",
                        "hosts.ini line 7: section [h:vars] is for group `h`, which has no [h] or [h:children] section",
                        "hosts.ini line 10: [p:children] names group `missing`, which has no [missing] or [missing:children] section",
                        "hosts.ini line 11: [p:children] names group `bad!host`, which has no [bad!host] or [bad!host:children] section"),
                e);
    }

    @Test
    void anInvalidHostNameNamesItsLine() {
        assertEquals(List.of("hosts.ini line 2: `bad!host` is not a valid host name"), errors("[g]\nbad!host\n"));
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals(
                List.of("hosts.ini line 2: `m`: control character U+001B at character 1 is not allowed"),
                errors("[g]\nh1 m=\"'\\x1b[2J'\"\n"));
    }

    @Test
    void shlexSplitsAsPythonDoes() {
        // Each expected list is what Python's shlex.split(line, comments=True) printed.
        assertEquals(
                List.of("h1", "a=x yz", "b=its", "c=a\"b", "d=q\"w\\e\\n", "e=#x", "f=x"),
                ShlexWords.split("h1 a=\"x y\"z b='it''s' c=a\\\"b d=\"q\\\"w\\\\e\\n\" e=\\#x f=x#y"));
        assertEquals(List.of("a", ""), ShlexWords.split("a \"\""));
        assertThrows(IllegalArgumentException.class, () -> ShlexWords.split("a 'b"));
        assertThrows(IllegalArgumentException.class, () -> ShlexWords.split("a b\\"));
    }

    @Test
    void pythonLiteralsAsLiteralEvalReadsThem() {
        Object[][] cases = {
            {"True", true},
            {"true", "true"},
            {"None", null},
            {"12", 12L},
            {"-1.5", -1.5},
            {"+4", 4L},
            {"--5", "--5"},
            {"1+2", "1+2"},
            {"07", "07"},
            {"00", 0L},
            {"0o17", 15L},
            {"0b101", 5L},
            {"1e3", 1000.0},
            {"123456789012345678901234567890", new BigInteger("123456789012345678901234567890")},
            {"(5)", 5L},
            {"(5,)", List.of(5L)},
            {"'a' 'b'", "ab"},
            {"u'x'", "x"},
            {"b'x'", "x"},
            {"r'a\\nb'", "a\\nb"},
            {"'a\\tb'", "a\tb"},
            {"'\\u00e9'", "é"},
            {"'''x'''", "x"},
            {"[[1, [2]], {'k': [None]}]", List.of(List.of(1L, List.of(2L)), Map.of("k", Arrays.asList((Object) null)))},
            {"{1: 'a'}", Map.of("1", "a")},
            {"[]", List.of()},
            {"[1, 2,]", List.of(1L, 2L)},
            {"8080 # comment", 8080L},
            {"hello # comment", "hello # comment"},
            {"web01", "web01"},
            {"[a]", "[a]"},
            {"f'x'", "f'x'"},
            {"", ""},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], PythonLiterals.eval((String) c[0]), (String) c[0]);
        }
        for (String unsupported : List.of("{1, 2}", "1j", "1+2j", "...", "1e999", "{[1]: 2}")) {
            assertThrows(PythonLiterals.Unsupported.class, () -> PythonLiterals.eval(unsupported), unsupported);
        }
        assertThrows(PythonLiterals.Unsupported.class, () -> PythonLiterals.eval("[".repeat(100) + "]".repeat(100)));
    }
}
