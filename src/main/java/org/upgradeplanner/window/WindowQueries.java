package org.upgradeplanner.window;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.host.Names;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;

/** What the API and the pages read of the windows: lists, one window, the policy's verdict on them. Nothing here writes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WindowQueries {

    private final PolicyService policies;
    private final Clock clock;

    WindowQueries(PolicyService policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    public WindowView get(long id) {
        return WindowView.from(MaintenanceWindow.require(id));
    }

    /** Windows by start time; every filter is optional: state, a host, a service, and those ending after {@code from} / starting before {@code to}. */
    public List<WindowView> list(WindowState state, String host, String service, Instant from, Instant to) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Parameters p = new Parameters();
        if (state != null) {
            where.add("state = :state");
            p.and("state", state);
        }
        if (host != null) {
            where.add(":host member of hosts");
            p.and("host", Names.hostname(host));
        }
        if (service != null) {
            where.add(":service member of services");
            p.and("service", service);
        }
        if (from != null) {
            where.add("end > :from");
            p.and("from", from);
        }
        if (to != null) {
            where.add("start < :to");
            p.and("to", to);
        }
        return MaintenanceWindow.<MaintenanceWindow>find(String.join(" and ", where) + " order by start, id", p)
                .list()
                .stream()
                .map(WindowView::from)
                .toList();
    }

    /** Every active window (not cancelled or completed), as the policy checker and the burn-down read them. */
    public List<WindowSpec> active() {
        return MaintenanceWindow.activeSpecs();
    }

    /** The next active windows that have not ended yet, soonest first. */
    public List<WindowView> upcoming(Instant now, int max) {
        return MaintenanceWindow.<MaintenanceWindow>find(
                        "state not in ?1 and end > ?2 order by start, id",
                        List.of(WindowState.CANCELLED, WindowState.COMPLETED),
                        now)
                .page(0, max)
                .list()
                .stream()
                .map(WindowView::from)
                .toList();
    }

    /** Every current breach across all active windows, from the independent checker. */
    public List<Breach> conflicts() {
        return conflicts(MaintenanceWindow.activeSpecs(), DependencyGraph.stored());
    }

    /**
     * The breaches among these windows (all the active ones, read by the caller for more than this), then the warnings
     * ({@link Breach#warning()}) as the fleet's dependencies (read by the caller too) make them.
     */
    public List<Breach> conflicts(List<WindowSpec> active, DependencyGraph graph) {
        Set<String> services = new HashSet<>();
        active.forEach(w -> services.addAll(w.services()));
        PolicyChecker checker = new PolicyChecker(policies.current(), Host.providers(services));
        List<Breach> all = new java.util.ArrayList<>(checker.checkAll(active, Instant.now(clock)));
        all.addAll(checker.warnings(active, graph, policies.holidays()));
        return all;
    }

    /**
     * What creating this window would be refused for, without creating it: the invalid fields, then the broken policy
     * rules, each with the field it is about. For live feedback while an admin types.
     */
    public List<FieldError> preview(Long id, WindowInput in) {
        MaintenanceWindow w = new MaintenanceWindow();
        w.id = id; // an edited window is not in conflict with its own current version
        try {
            w.state = WindowFields.initialState(in.state());
            WindowFields.apply(w, in, policies.horizon(), Instant.now(clock));
        } catch (PlannerException e) {
            return e.errors();
        }
        List<WindowSpec> others = MaintenanceWindow.activeSpecs();
        return new PolicyChecker(policies.current(), Host.providers(w.services))
                .check(w.spec(), others, Instant.now(clock)).stream()
                        .map(b -> new FieldError(b.field(), b.message()))
                        .toList();
    }
}
