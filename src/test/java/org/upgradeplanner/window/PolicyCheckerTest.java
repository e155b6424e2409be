package org.upgradeplanner.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyCheckerTest {

    private static final Instant NOW = Instant.parse("2016-06-01T12:00:00Z");
    private static final Instant FRI = Instant.parse("2016-06-10T20:00:00Z");

    private static WindowSpec window(
            Long id, Instant start, Set<String> hosts, Set<String> services, WindowState state) {
        return new WindowSpec(id, "w" + id, start, start.plus(Duration.ofHours(4)), hosts, services, state);
    }

    private final PolicyChecker checker = new PolicyChecker(Policies.fridays(
            2,
            3,
            List.of(new SchedulingPolicy.Freeze(
                    Instant.parse("2016-12-20T00:00:00Z"), Instant.parse("2017-01-03T00:00:00Z"), "year end"))));

    private List<Breach.Rule> rules(WindowSpec candidate, WindowSpec... others) {
        return checker.check(candidate, List.of(others), NOW).stream()
                .map(Breach::rule)
                .toList();
    }

    @Test
    void aCleanWindowHasNoBreach() {
        assertEquals(
                List.of(),
                rules(
                        window(null, FRI, Set.of("a"), Set.of("x"), WindowState.SCHEDULED),
                        window(1L, FRI, Set.of("b"), Set.of("y"), WindowState.SCHEDULED)));
    }

    @Test
    void sameHostOrServiceInOverlappingWindows() {
        WindowSpec other = window(1L, FRI.plus(Duration.ofHours(3)), Set.of("a"), Set.of("x"), WindowState.ANNOUNCED);
        WindowSpec candidate = window(null, FRI, Set.of("a"), Set.of("x"), WindowState.SCHEDULED);
        List<Breach> breaches = checker.check(candidate, List.of(other), NOW);
        assertEquals(
                List.of(Breach.Rule.HOST_OVERLAP, Breach.Rule.SERVICE_OVERLAP),
                breaches.stream().map(Breach::rule).toList());
        assertEquals("a already in overlapping window 1 (w1)", breaches.get(0).message());
        assertEquals("hosts", breaches.get(0).field());
        // Back to back is no overlap; cancelled and completed windows hold nothing.
        assertEquals(
                List.of(),
                rules(
                        candidate,
                        window(2L, FRI.plus(Duration.ofHours(4)), Set.of("a"), Set.of("x"), WindowState.SCHEDULED)));
        assertEquals(List.of(), rules(candidate, window(3L, FRI, Set.of("a"), Set.of("x"), WindowState.CANCELLED)));
        assertEquals(List.of(), rules(candidate, window(4L, FRI, Set.of("a"), Set.of("x"), WindowState.COMPLETED)));
        // A window is not in conflict with its own earlier version.
        assertEquals(
                List.of(),
                rules(
                        window(5L, FRI, Set.of("a"), Set.of("x"), WindowState.SCHEDULED),
                        window(5L, FRI, Set.of("a"), Set.of("x"), WindowState.SCHEDULED)));
    }

    @Test
    void freezeNoticeAndCapacity() {
        assertEquals(
                List.of(Breach.Rule.FREEZE),
                rules(window(
                        null, Instant.parse("2016-12-23T20:00:00Z"), Set.of("a"), Set.of(), WindowState.SCHEDULED)));
        assertEquals(
                List.of(Breach.Rule.NOTICE),
                rules(window(null, NOW.plus(Duration.ofDays(6)), Set.of("a"), Set.of(), WindowState.SCHEDULED)));
        assertEquals(
                List.of(),
                rules(window(null, NOW.plus(Duration.ofDays(1)), Set.of("a"), Set.of(), WindowState.ANNOUNCED)),
                "notice is about windows not yet announced");
        assertEquals(
                List.of(Breach.Rule.HOSTS_PER_WINDOW),
                rules(window(null, FRI, Set.of("a", "b", "c", "d"), Set.of(), WindowState.DRAFT)));
        WindowSpec one = window(1L, FRI, Set.of("b"), Set.of(), WindowState.SCHEDULED);
        WindowSpec two = window(2L, FRI.plus(Duration.ofHours(1)), Set.of("c"), Set.of(), WindowState.SCHEDULED);
        assertEquals(
                List.of(Breach.Rule.CONCURRENCY),
                rules(window(null, FRI, Set.of("a"), Set.of(), WindowState.SCHEDULED), one, two));
        WindowSpec early = window(3L, FRI.minus(Duration.ofHours(3)), Set.of("c"), Set.of(), WindowState.SCHEDULED);
        assertEquals(
                List.of(),
                rules(
                        window(null, FRI, Set.of("a"), Set.of(), WindowState.SCHEDULED),
                        early,
                        window(4L, FRI.plus(Duration.ofHours(2)), Set.of("d"), Set.of(), WindowState.SCHEDULED)),
                "two others overlap the window but never each other: at most two at once");
    }

    @Test
    void checkAllReportsEachWindowsBreaches() {
        WindowSpec a = window(1L, FRI, Set.of("a"), Set.of(), WindowState.SCHEDULED);
        WindowSpec b = window(2L, FRI, Set.of("a"), Set.of(), WindowState.SCHEDULED);
        List<Breach> all = checker.checkAll(List.of(a, b), NOW);
        assertEquals(
                List.of(1L, 2L), all.stream().map(Breach::windowId).sorted().toList());
    }

    @Test
    void warnsOfAServiceDownTwiceInAWeekWhenOneWindowWouldDo() {
        DependencyGraph graph =
                new DependencyGraph(Map.of("review", Set.of("db01")), Map.of("review", Set.of("gerrit")));
        Holidays none = new Holidays(List.of(), ZoneOffset.UTC);
        WindowSpec db = window(1L, FRI, Set.of("db01"), Set.of("mysql"), WindowState.SCHEDULED);
        WindowSpec review =
                window(2L, FRI.plus(Duration.ofDays(6)), Set.of("review"), Set.of("gerrit"), WindowState.SCHEDULED);
        List<Breach> warnings = checker.warnings(List.of(review, db), graph, none);
        assertEquals(1, warnings.size());
        Breach w = warnings.get(0);
        assertEquals(Breach.Rule.SERVICE_TWICE_IN_A_WEEK, w.rule());
        assertEquals(2L, w.windowId());
        assertEquals(true, w.warning());
        assertEquals(
                "gerrit goes down here and in window 1 (w1), less than a week apart; one window for both (2 hosts)"
                        + " would do",
                w.message());
        WindowSpec aWeekLater =
                window(2L, FRI.plus(Duration.ofDays(7)), Set.of("review"), Set.of("gerrit"), WindowState.SCHEDULED);
        assertEquals(List.of(), checker.warnings(List.of(db, aWeekLater), graph, none), "a week apart is fine");
        assertEquals(
                List.of(),
                checker.warnings(List.of(db, review), DependencyGraph.EMPTY, none),
                "nothing shared without the dependency");
        WindowSpec big = new WindowSpec(
                2L,
                "big",
                review.start(),
                review.end(),
                Set.of("review", "h1", "h2"),
                Set.of("gerrit"),
                WindowState.SCHEDULED);
        assertEquals(
                List.of(), checker.warnings(List.of(db, big), graph, none), "4 hosts do not fit in one window of 3");
    }

    @Test
    void warnsOfAWindowOnAHoliday() {
        Holidays holidays = new Holidays(List.of("12-25", "01-01", "2016-06-10"), ZoneOffset.UTC);
        WindowSpec christmas =
                window(1L, Instant.parse("2026-12-25T20:00:00Z"), Set.of("a"), Set.of("x"), WindowState.DRAFT);
        WindowSpec newYear =
                window(2L, Instant.parse("2026-12-31T22:00:00Z"), Set.of("b"), Set.of("y"), WindowState.DRAFT);
        WindowSpec once = window(3L, FRI, Set.of("c"), Set.of("z"), WindowState.SCHEDULED);
        WindowSpec plain = window(4L, FRI.plus(Duration.ofDays(7)), Set.of("d"), Set.of("w"), WindowState.SCHEDULED);
        List<Breach> warnings =
                checker.warnings(List.of(christmas, newYear, once, plain), DependencyGraph.EMPTY, holidays);
        assertEquals(
                List.of(3L, 1L, 2L), warnings.stream().map(Breach::windowId).toList());
        assertEquals(
                "falls on Friday 25 December 2026, a holiday (planner.policy.holidays): few will read the notice,"
                        + " fewer will be around to help",
                warnings.get(1).message());
        assertEquals(
                true, warnings.get(2).message().startsWith("falls on Friday 1 January 2027"), "ends after midnight");
    }
}
