package org.upgradeplanner.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.Classifier;
import org.upgradeplanner.classification.Rules;
import org.upgradeplanner.release.ReleaseService;
import org.upgradeplanner.support.Json;

/**
 * Property, through the services and the database: after every step of a random sequence of imports (two sources),
 * hand-made hosts created, edited and deleted, and overrides set and cleared, the stored rule results, kept up to date
 * incrementally, equal a full classification of the whole fleet.
 */
@QuarkusTest
@TestProfile(HostClassificationTest.OwnFleet.class)
class HostClassificationTest {

    /** Its own application and database: the random fleet and its audit entries would crowd the other tests' views. */
    public static class OwnFleet implements QuarkusTestProfile {}

    @Inject
    InventoryImport imports;

    @Inject
    HostEditing editing;

    @Inject
    HostOverrides overrides;

    @Inject
    HostQueries queries;

    @Inject
    ReleaseService releases;

    private static final List<String> OSES =
            List.of("ubuntu-12.04", "ubuntu-14.04", "ubuntu-10.04", "debian-7", "centos-6");

    @Test
    void storedVerdictsEqualAFullClassificationAfterEveryStep() {
        for (long seed = 1; seed <= 4; seed++) {
            String run = "prop" + seed + "-" + System.nanoTime();
            Random rnd = new Random(seed);
            for (int step = 0; step < 40; step++) {
                String did = step(rnd, run);
                assertEquals(fullClassification(), stored(), "seed " + seed + ", step " + step + " (" + did + ")");
            }
        }
    }

    private String step(Random rnd, String run) {
        int what = rnd.nextInt(10);
        if (what < 4) {
            String source = run + (rnd.nextBoolean() ? "-a" : "-b");
            int first = source.endsWith("-a") ? 0 : 8;
            List<InventoryHost> hosts = new ArrayList<>();
            for (int i = first; i < first + 8; i++) {
                if (rnd.nextInt(4) > 0) {
                    hosts.add(inventoryHost(rnd, run, name(run, "i", i)));
                }
            }
            imports.importHosts(source, hosts, false);
            return "import of " + hosts.size() + " hosts from " + source;
        }
        String hostname = name(run, "m", rnd.nextInt(6));
        boolean exists = Host.count("hostname", hostname) > 0;
        if (what < 7) {
            InventoryHost h = inventoryHost(rnd, run, hostname);
            HostInput input = new HostInput(
                    hostname,
                    h.distro() == null ? null : new HostView.Os(h.distro(), h.version()),
                    List.copyOf(h.services()),
                    List.copyOf(h.groups()),
                    h.stateful(),
                    h.replaceable(),
                    h.isPublic(),
                    List.copyOf(h.dependsOn()),
                    Map.of(),
                    exists ? version(hostname) : null);
            if (exists) {
                editing.update(hostname, input);
            } else {
                editing.create(input);
            }
            return (exists ? "edit of " : "creation of ") + hostname;
        }
        if (!exists) {
            return "nothing";
        }
        if (what == 7) {
            editing.delete(hostname);
            return "deletion of " + hostname;
        }
        if (what == 8) {
            overrides.override(hostname, Classification.values()[rnd.nextInt(4)], "property test", null);
            return "override of " + hostname;
        }
        overrides.clearOverride(hostname, null);
        return "override of " + hostname + " cleared";
    }

    /** Read in a transaction of its own: the test method's request-scoped session would keep a stale copy. */
    private int version(String hostname) {
        return QuarkusTransaction.requiringNew()
                .call(() -> queries.get(hostname).version());
    }

    private static String name(String run, String kind, int i) {
        return kind + i + "." + run + ".test";
    }

    private static InventoryHost inventoryHost(Random rnd, String run, String hostname) {
        String os = rnd.nextInt(8) == 0 ? null : OSES.get(rnd.nextInt(OSES.size()));
        String[] parts = os == null ? new String[] {null, null} : os.split("-", 2);
        TreeSet<String> dependsOn = new TreeSet<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            dependsOn.add(rnd.nextBoolean() ? name(run, "i", rnd.nextInt(16)) : name(run, "m", rnd.nextInt(6)));
        }
        dependsOn.remove(hostname);
        return new InventoryHost(
                hostname,
                parts[0],
                parts[1],
                os == null ? null : "inventory",
                names(rnd, run + "-s", 4),
                names(rnd, run + "-g", 3),
                rnd.nextInt(3) == 0,
                rnd.nextInt(3) > 0,
                rnd.nextInt(5) == 0,
                dependsOn,
                new TreeMap<>(),
                null);
    }

    private static TreeSet<String> names(Random rnd, String prefix, int n) {
        TreeSet<String> names = new TreeSet<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            names.add(prefix + rnd.nextInt(n));
        }
        return names;
    }

    /** Every host's stored rule result. */
    private Map<String, List<Object>> stored() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<Object>> stored = new HashMap<>();
            Host.rows()
                    .forEach(r -> stored.put(
                            r.hostname(), Arrays.asList(r.classification(), r.rule(), r.reasonsJson(), r.eol())));
            return stored;
        });
    }

    /** What classifying the whole fleet from scratch gives. */
    private Map<String, List<Object>> fullClassification() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<Object>> full = new HashMap<>();
            new Classifier(Rules.DEFAULT)
                    .classify(Host.rows().stream().map(Host.Row::facts).toList(), releases.policy())
                    .forEach((h, v) -> full.put(
                            h,
                            Arrays.asList(
                                    v.classification(),
                                    v.rule(),
                                    Json.write(v.reasons()),
                                    v.release() == null ? null : v.release().eol())));
            return full;
        });
    }
}
