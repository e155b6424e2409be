package org.upgradeplanner.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.host.Names;
import org.upgradeplanner.support.ChangeCounter;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.window.DependencyGraph;
import org.upgradeplanner.window.Impact;
import org.upgradeplanner.window.MaintenanceWindow;
import org.upgradeplanner.window.WindowState;

/**
 * The outage feeds: every published window, or those of one host or service. A rendered feed is kept until the fleet
 * change counter moves, so a burst of subscribers costs one rendering; its strong ETag is the counter value.
 */
@ApplicationScoped
public class CalendarService {

    public enum Scope {
        ALL,
        HOST,
        SERVICE
    }

    /** A rendered feed; {@code etag} is quoted, ready for the header. */
    public record Feed(long version, byte[] body, String etag, Instant lastModified) {}

    private final ChangeCounter counter;
    private final PlannerConfig config;
    private final Clock clock;
    private final FeedRenderer renderer;
    private final Map<String, Feed> cache = new ConcurrentHashMap<>();
    private volatile long cachedVersion = -1;

    CalendarService(ChangeCounter counter, PlannerConfig config, Clock clock) {
        this.counter = counter;
        this.config = config;
        this.clock = clock;
        if (!config.calendar().organizer().startsWith("mailto:")) {
            throw new IllegalStateException("planner.calendar.organizer must be a mailto: URI");
        }
        this.renderer = new FeedRenderer(
                config.calendar().organizer(), config.calendar().refresh());
    }

    /**
     * The feed for a request path ({@code /calendar/outages.ics}, {@code /calendar/hosts/NAME.ics}, …) if it is rendered
     * for the current change counter and that counter is fresh: answered without a database call or a worker thread.
     */
    public Optional<Feed> cached(String path) {
        var fresh = counter.fresh();
        if (fresh.isEmpty() || version(fresh.get().value()) != cachedVersion || !path.endsWith(".ics")) {
            return Optional.empty();
        }
        String name = path.substring(0, path.length() - 4);
        String key = name.equals("/calendar/outages")
                ? Scope.ALL + ":"
                : name.startsWith("/calendar/hosts/")
                        ? Scope.HOST + ":" + name.substring(16)
                        : name.startsWith("/calendar/services/") ? Scope.SERVICE + ":" + name.substring(19) : null;
        return key == null ? Optional.empty() : Optional.ofNullable(cache.get(key));
    }

    /** The feed, or empty for a host or service nobody knows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Feed> feed(Scope scope, String name) {
        ChangeCounter.Version current = counter.current();
        long version = version(current.value());
        if (version != cachedVersion) {
            cache.clear();
            cachedVersion = version;
        }
        String key = scope + ":" + (name == null ? "" : name);
        Feed feed = cache.get(key);
        if (feed == null) {
            Optional<Feed> rendered = render(scope, name, version, lastModified(current));
            if (rendered.isEmpty()) {
                return rendered;
            }
            feed = rendered.get();
            cache.put(key, feed);
        }
        return Optional.of(feed);
    }

    /**
     * When the feed last changed, as far as anyone can tell: the last move of the change counter, or the start of the day
     * (finished windows leave the feed a day at a time), whichever is later; to the second, as HTTP dates are.
     */
    private Instant lastModified(ChangeCounter.Version current) {
        Instant today =
                LocalDate.now(clock).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant changed = current.changedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return changed.isAfter(today) ? changed : today;
    }

    /** The feed version: the change counter, and the day, since finished windows leave the feed a day at a time. */
    private long version(long counter) {
        return counter * 100_000 + LocalDate.now(clock).toEpochDay() % 100_000;
    }

    private Optional<Feed> render(Scope scope, String name, long version, Instant lastModified) {
        Instant cutoff = LocalDate.now(clock)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant()
                .minus(config.calendar().keepFinished());
        String where = "publishedAt is not null and (state not in (:finished) or end > :cutoff)";
        var params = io.quarkus.panache.common.Parameters.with(
                        "finished", List.of(WindowState.COMPLETED, WindowState.CANCELLED))
                .and("cutoff", cutoff);
        String calName = config.calendar().name();
        String tag = "all";
        String host = null;
        if (scope == Scope.HOST) {
            host = Names.hostname(name);
            if (!Names.isHostname(host)
                    || Host.byHostname(host).isEmpty() && MaintenanceWindow.count("?1 member of hosts", host) == 0) {
                return Optional.empty();
            }
            calName += ": " + host;
            tag = "host-" + host;
        } else if (scope == Scope.SERVICE) {
            if (name == null
                    || !Names.NAME.matcher(name).matches()
                    || Host.count("?1 member of services", name) == 0
                            && MaintenanceWindow.count("?1 member of services", name) == 0) {
                return Optional.empty();
            }
            calName += ": " + name;
            tag = "service-" + name;
        }
        DependencyGraph graph = DependencyGraph.stored();
        List<FeedEvent> events = new ArrayList<>();
        for (MaintenanceWindow w : MaintenanceWindow.<MaintenanceWindow>find(where + " order by start, id", params)
                .list()) {
            Impact impact = graph.impact(w.hosts, w.services);
            boolean shown = scope == Scope.ALL
                    || scope == Scope.HOST && impact.takesDownHost(host)
                    || scope == Scope.SERVICE && impact.takesDownService(name);
            if (shown) {
                events.add(event(w, impact));
            }
        }
        return Optional.of(
                new Feed(version, renderer.render(calName, events), "\"" + version + "-" + tag + "\"", lastModified));
    }

    /** The window's impact on the fleet as stored now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Impact impact(MaintenanceWindow w) {
        return DependencyGraph.stored().impact(w.hosts, w.services);
    }

    /** A window as a VEVENT; the same for the feeds and for the .ics attached to announcements. */
    FeedEvent event(MaintenanceWindow w, Impact impact) {
        String status = switch (w.state) {
            case CANCELLED -> "CANCELLED";
            case SCHEDULED, DRAFT -> "TENTATIVE";
            default -> "CONFIRMED";
        };
        StringBuilder d = new StringBuilder();
        if (w.state == WindowState.CANCELLED) {
            d.append("CANCELLED: ").append(w.cancelReason).append("\n\n");
        }
        d.append("Hosts: ")
                .append(w.hosts.isEmpty() ? "none" : String.join(", ", new TreeSet<>(w.hosts)))
                .append('\n');
        d.append("Services: ")
                .append(w.services.isEmpty() ? "none" : String.join(", ", new TreeSet<>(w.services)))
                .append('\n');
        List<Impact.Affected> through = impact.indirectServices();
        if (!through.isEmpty()) {
            d.append("Also down, through dependencies:\n");
            through.forEach(a -> d.append("- ").append(a.text()).append('\n'));
        }
        if (w.description != null && !w.description.isBlank()) {
            d.append('\n').append(w.description).append('\n');
        }
        d.append("\nDetails: ").append(url(w));
        return new FeedEvent(
                w.uid, w.start, w.end, w.title, d.toString(), w.sequence, status, w.createdAt, w.updatedAt, url(w));
    }

    public String url(MaintenanceWindow w) {
        return base() + "/outages#window-" + w.id;
    }

    public String base() {
        String base = config.baseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The calendar of one window, for mail attachments: the same UID and SEQUENCE as in the feeds. */
    public byte[] single(MaintenanceWindow w) {
        return renderer.render(config.calendar().name(), List.of(event(w, impact(w))));
    }
}
