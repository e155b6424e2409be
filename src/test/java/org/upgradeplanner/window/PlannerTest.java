package org.upgradeplanner.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.window.Planner.Candidate;
import org.upgradeplanner.window.Planner.Proposal;

class PlannerTest {

    private static final Instant NOW = Instant.parse("2016-06-01T12:00:00Z");

    private static Candidate host(String name, String eol, Set<String> services, Set<String> dependsOn) {
        return new Candidate(
                name, services, dependsOn, eol == null ? null : LocalDate.parse(eol), "ubuntu 12.04 → 14.04");
    }

    /** A planner with no dependencies beyond the candidates' own and the default two-year horizon. */
    private static Planner planner(SchedulingPolicy policy) {
        return new Planner(policy, DependencyGraph.EMPTY, HORIZON);
    }

    private static final Duration HORIZON = Duration.ofDays(730);

    @Test
    void earliestEolFirstAfterTheNoticeInFridaySlots() {
        Planner planner = planner(Policies.fridays(1, 5, List.of()));
        List<String> unplaced = new ArrayList<>();
        List<Proposal> p = planner.propose(
                List.of(
                        host("late", "2019-04-25", Set.of("b"), Set.of()),
                        host("early", "2017-04-28", Set.of("a"), Set.of())),
                List.of(),
                NOW,
                unplaced);
        assertEquals(List.of(), unplaced);
        assertEquals(2, p.size());
        assertEquals(List.of("early"), p.get(0).hosts());
        assertEquals(
                Instant.parse("2016-06-10T20:00:00Z"),
                p.get(0).start(),
                "the first Friday 20:00 at least 7 days ahead");
        assertEquals(Instant.parse("2016-06-11T00:00:00Z"), p.get(0).end());
        assertEquals(Instant.parse("2016-06-17T20:00:00Z"), p.get(1).start());
        assertEquals("Upgrade of early (a)", p.get(0).title());
        assertEquals(
                "Planned upgrades:\n- early: ubuntu 12.04 → 14.04 (current release EOL 2017-04-28)",
                p.get(0).description());
    }

    @Test
    void sharedServicesAndDependenciesGoTogetherAsCapacityAllows() {
        Planner planner = planner(Policies.fridays(2, 2, List.of()));
        List<Proposal> p = planner.propose(
                List.of(
                        host("db", "2017-04-28", Set.of("mysql"), Set.of()),
                        host("review", "2017-04-28", Set.of("gerrit"), Set.of("db")),
                        host("wiki", "2017-04-28", Set.of("wiki"), Set.of("db")),
                        host("lists", "2019-01-01", Set.of("mailman"), Set.of())),
                List.of(),
                NOW,
                new ArrayList<>());
        List<List<String>> hosts = p.stream().map(Proposal::hosts).toList();
        assertEquals(
                List.of(List.of("db", "review"), List.of("wiki"), List.of("lists")),
                hosts,
                "db, review and wiki form one group split by the 2-host limit; lists has a later EOL");
        assertEquals(
                p.get(0).start(),
                p.get(1).start(),
                "two windows may run at once and wiki shares nothing with the first");
        assertEquals(p.get(0).start().plus(Duration.ofDays(7)), p.get(2).start());
    }

    @Test
    void aHostAndThoseDependingOnItShareAWindowAndNoServiceGoesDownTwiceInAWeek() {
        List<Candidate> fleet = List.of(
                host("db01", "2017-04-28", Set.of("mysql"), Set.of()),
                host("etherpad", "2017-04-28", Set.of("etherpad"), Set.of("db01")),
                host("paste", "2017-04-28", Set.of("paste"), Set.of("db01")),
                host("wiki", "2017-04-28", Set.of("wiki"), Set.of("db01")),
                host("review", "2017-04-28", Set.of("gerrit"), Set.of("db01")),
                host("zuul", "2017-04-28", Set.of("zuul"), Set.of("review")),
                host("aaa-static", "2017-04-28", Set.of("logs"), Set.of()));
        Map<String, Set<String>> dependsOn = new HashMap<>();
        Map<String, Set<String>> services = new HashMap<>();
        fleet.forEach(c -> {
            dependsOn.put(c.hostname(), c.dependsOn());
            services.put(c.hostname(), c.services());
        });
        // Every weekday at 20:00, so a week's gap is the planner's choice, not the slots'.
        SchedulingPolicy policy = new SchedulingPolicy(
                Duration.ofDays(7),
                List.of(),
                new RecurrenceSlots("FREQ=DAILY;BYHOUR=20;BYMINUTE=0", ZoneId.of("UTC")),
                Duration.ofHours(4),
                List.of(),
                1,
                5);
        List<Proposal> p = new Planner(policy, new DependencyGraph(dependsOn, services), HORIZON)
                .propose(fleet, List.of(), NOW, new ArrayList<>());
        assertEquals(
                List.of(List.of("aaa-static"), List.of("db01", "etherpad", "paste", "review", "wiki"), List.of("zuul")),
                p.stream().map(Proposal::hosts).toList(),
                "db01 with the hosts depending on it; zuul (through review) does not fit");
        assertEquals(
                Set.of("gerrit", "etherpad", "mysql", "paste", "wiki"), p.get(1).services());
        assertTrue(
                !p.get(2).start().isBefore(p.get(1).start().plus(Duration.ofDays(7))),
                "zuul goes down with db01's window too: its own window is a week later at least, not the next day");
    }

    @Test
    void freezesAndExistingWindowsAreAvoided() {
        Instant firstFriday = Instant.parse("2016-06-10T20:00:00Z");
        Planner planner = planner(Policies.fridays(
                1,
                5,
                List.of(new SchedulingPolicy.Freeze(
                        Instant.parse("2016-06-15T00:00:00Z"), Instant.parse("2016-06-20T00:00:00Z"), "summit"))));
        WindowSpec taken = new WindowSpec(
                9L,
                "other",
                firstFriday,
                firstFriday.plus(Duration.ofHours(2)),
                Set.of("x"),
                Set.of(),
                WindowState.SCHEDULED);
        List<Proposal> p =
                planner.propose(List.of(host("a", null, Set.of(), Set.of())), List.of(taken), NOW, new ArrayList<>());
        assertEquals(Instant.parse("2016-06-24T20:00:00Z"), p.get(0).start());
    }

    @Test
    void hostsThatCannotBePlacedAreReported() {
        Planner planner = planner(Policies.fridays(0, 5, List.of()));
        List<String> unplaced = new ArrayList<>();
        assertEquals(
                List.of(), planner.propose(List.of(host("a", null, Set.of(), Set.of())), List.of(), NOW, unplaced));
        assertEquals(List.of("a"), unplaced);
    }

    /** Property: for random fleets and policies, the independent checker finds nothing wrong with any proposal. */
    @RepeatedTest(40)
    void theCheckerFindsNoBreachInAnyPlan(RepetitionInfo repetition) {
        Random random = new Random(7919L * repetition.getCurrentRepetition());
        String[] rules = {
            "FREQ=WEEKLY;BYDAY=FR;BYHOUR=20;BYMINUTE=0",
            "FREQ=DAILY;BYHOUR=2",
            "FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=18;BYMINUTE=30",
            "FREQ=HOURLY;INTERVAL=6"
        };
        String[] zones = {"UTC", "Europe/London", "America/New_York", "Asia/Kolkata"};
        List<SchedulingPolicy.Freeze> freezes = new ArrayList<>();
        for (int i = 0; i < random.nextInt(4); i++) {
            Instant start = NOW.plus(Duration.ofDays(random.nextInt(120)));
            freezes.add(
                    new SchedulingPolicy.Freeze(start, start.plus(Duration.ofDays(1 + random.nextInt(14))), "f" + i));
        }
        SchedulingPolicy policy = new SchedulingPolicy(
                Duration.ofHours(random.nextInt(400)),
                List.of(),
                new RecurrenceSlots(
                        rules[random.nextInt(rules.length)], ZoneId.of(zones[random.nextInt(zones.length)])),
                Duration.ofHours(1 + random.nextInt(30)),
                freezes,
                1 + random.nextInt(3),
                1 + random.nextInt(6));

        int n = 1 + random.nextInt(60);
        List<Candidate> fleet = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> services = new HashSet<>();
            for (int s = 0; s < random.nextInt(3); s++) {
                services.add("svc" + random.nextInt(Math.max(1, n / 3)));
            }
            Set<String> deps = random.nextInt(4) == 0 ? Set.of("h" + random.nextInt(n)) : Set.of();
            fleet.add(host(
                    "h" + i, random.nextBoolean() ? null : "2017-0" + (1 + random.nextInt(9)) + "-01", services, deps));
        }
        List<WindowSpec> existing = new ArrayList<>();
        for (int i = 0; i < random.nextInt(5); i++) {
            Instant start = NOW.plus(Duration.ofHours(24 + random.nextInt(24 * 60)));
            existing.add(new WindowSpec(
                    1000L + i,
                    "existing",
                    start,
                    start.plus(Duration.ofHours(1 + random.nextInt(8))),
                    Set.of("other" + i),
                    Set.of("svc" + random.nextInt(5)),
                    WindowState.SCHEDULED));
        }

        List<String> unplaced = new ArrayList<>();
        Map<String, Set<String>> dependsOn = new HashMap<>();
        Map<String, Set<String>> servicesOf = new HashMap<>();
        fleet.forEach(c -> {
            dependsOn.put(c.hostname(), c.dependsOn());
            servicesOf.put(c.hostname(), c.services());
        });
        DependencyGraph graph = new DependencyGraph(dependsOn, servicesOf);
        List<Proposal> proposals = new Planner(policy, graph, HORIZON).propose(fleet, existing, NOW, unplaced);

        List<WindowSpec> plan = new ArrayList<>(existing);
        long id = 1;
        Set<String> covered = new TreeSet<>(unplaced);
        for (Proposal p : proposals) {
            plan.add(new WindowSpec(
                    id++, p.title(), p.start(), p.end(), new TreeSet<>(p.hosts()), p.services(), WindowState.DRAFT));
            covered.addAll(p.hosts());
        }
        // Pools keep serving: some services also have a provider trivial to replace, which no window may leave alone.
        Map<String, Map<String, org.upgradeplanner.classification.Classification>> providers = new HashMap<>();
        fleet.forEach(c -> c.services()
                .forEach(s -> providers
                        .computeIfAbsent(s, k -> new HashMap<>())
                        .put(c.hostname(), org.upgradeplanner.classification.Classification.OUTAGE_REQUIRED)));
        providers.forEach((s, byHost) -> {
            if (random.nextBoolean()) {
                byHost.put("rolling-" + s, org.upgradeplanner.classification.Classification.TRIVIAL);
            }
        });
        List<Breach> breaches = new PolicyChecker(policy, providers)
                .checkAll(plan, NOW).stream().filter(b -> b.windowId() < 1000).toList();
        assertEquals(List.of(), breaches, "policy " + policy);
        List<Breach> warnings = new PolicyChecker(policy)
                .warnings(plan, graph, new Holidays(List.of(), ZoneId.of("UTC"))).stream()
                        .filter(b -> b.windowId() < 1000 || !b.message().contains("(existing)"))
                        .toList();
        assertEquals(List.of(), warnings, "no service goes down twice in a week; policy " + policy);
        assertEquals(n, covered.size(), "every host is in a proposal or reported");
        assertTrue(unplaced.isEmpty(), "a two-year horizon places every host");
    }
}
