package org.upgradeplanner.window;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;
import org.upgradeplanner.support.PlannerException;

/** A planned outage of some hosts and services. */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "maintenance_window_seq")
    @SequenceGenerator(name = "maintenance_window_seq", sequenceName = "maintenance_window_seq", allocationSize = 50)
    public Long id;

    /** The iCalendar UID: minted once, never changed, never reused. */
    @Column(nullable = false, length = 100, updatable = false)
    public String uid;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 8000)
    public String description;

    @Column(name = "start_at", nullable = false)
    public Instant start;

    @Column(name = "end_at", nullable = false)
    public Instant end;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public WindowState state;

    /** The iCalendar SEQUENCE: raised on every change subscribers should see. */
    @Column(nullable = false)
    public int sequence;

    /** The notice deadline passed before the window was announced. */
    public boolean overdue;

    @Column(name = "cancel_reason", length = 2000)
    public String cancelReason;

    /** When the window was first scheduled: drafts that never were stay out of every public view, even cancelled. */
    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @ElementCollection
    @CollectionTable(name = "window_host", joinColumns = @JoinColumn(name = "window_id"))
    @Column(name = "hostname", length = 253)
    @BatchSize(size = 200)
    public Set<String> hosts = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "window_service", joinColumns = @JoinColumn(name = "window_id"))
    @Column(name = "service", length = 128)
    @BatchSize(size = 200)
    public Set<String> services = new TreeSet<>();

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The window with this id; none is a 404. */
    public static MaintenanceWindow require(long id) {
        MaintenanceWindow w = findById(id);
        if (w == null) {
            throw PlannerException.notFound("no window with id " + id);
        }
        return w;
    }

    /**
     * Every active window (not cancelled or completed) as a {@link WindowSpec}: three queries, whatever their number,
     * and no entities (the policy checker and the planner read thousands of them).
     */
    public static List<WindowSpec> activeSpecs() {
        List<WindowState> over = List.of(WindowState.CANCELLED, WindowState.COMPLETED);
        Map<Long, Set<String>> hosts = activeElements("hosts", over);
        Map<Long, Set<String>> services = activeElements("services", over);
        return getEntityManager()
                .createQuery(
                        "select w.id, w.title, w.start, w.end, w.state from MaintenanceWindow w"
                                + " where w.state not in :over",
                        Object[].class)
                .setParameter("over", over)
                .getResultStream()
                .map(r -> new WindowSpec(
                        (Long) r[0],
                        (String) r[1],
                        (Instant) r[2],
                        (Instant) r[3],
                        hosts.getOrDefault((Long) r[0], Set.of()),
                        services.getOrDefault((Long) r[0], Set.of()),
                        (WindowState) r[4]))
                .toList();
    }

    /** One element collection of the active windows, by window id; {@code collection} is a field name, never user input. */
    private static Map<Long, Set<String>> activeElements(String collection, List<WindowState> over) {
        Map<Long, Set<String>> byWindow = new HashMap<>();
        getEntityManager()
                .createQuery(
                        "select w.id, e from MaintenanceWindow w join w." + collection
                                + " e where w.state not in :over",
                        Object[].class)
                .setParameter("over", over)
                .getResultStream()
                .forEach(r -> byWindow.computeIfAbsent((Long) r[0], k -> new TreeSet<>())
                        .add((String) r[1]));
        return byWindow;
    }

    public WindowSpec spec() {
        return new WindowSpec(id, title, start, end, hosts, services, state);
    }

    /** What the audit log keeps of the window before and after a change, and what tells whether an edit changed it. */
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", title);
        s.put("start", start);
        s.put("end", end);
        s.put("hosts", new TreeSet<>(hosts));
        s.put("services", new TreeSet<>(services));
        s.put("description", description);
        s.put("state", state);
        s.put("sequence", sequence);
        return s;
    }
}
