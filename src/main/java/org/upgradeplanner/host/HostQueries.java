package org.upgradeplanner.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.upgradeplanner.release.ReleaseService;
import org.upgradeplanner.release.TargetPolicy;
import org.upgradeplanner.support.PlannerException;

/** Reading hosts: one host, or a filtered, sorted page of them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HostQueries {

    private final ReleaseService releases;

    HostQueries(ReleaseService releases) {
        this.releases = releases;
    }

    public record HostPage(List<HostView> items, long total) {}

    /** Filtered, sorted and paged in the database; only the page is loaded. */
    public HostPage list(HostFilter filter, int page, int size) {
        var query = Host.<Host>find(filter.where() + filter.orderBy(), filter.parameters());
        TargetPolicy policy = releases.policy(); // once per page, not once per host
        List<HostView> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                .map(h -> HostView.from(h, policy))
                .toList();
        return new HostPage(items, query.count());
    }

    public HostView get(String hostname) {
        return view(find(hostname));
    }

    public long count() {
        return Host.count();
    }

    Host find(String hostname) {
        return Host.byHostname(hostname)
                .orElseThrow(() -> PlannerException.notFound("no host named " + Names.hostname(hostname)));
    }

    /** The view after the change is written, so its {@code version} is the one a following PUT must send. */
    HostView flushedView(Host h) {
        Host.flush();
        return view(h);
    }

    private HostView view(Host h) {
        return HostView.from(h, releases.policy());
    }
}
