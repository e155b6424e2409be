package org.upgradeplanner.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.List;
import org.upgradeplanner.host.Host;
import org.upgradeplanner.window.DependencyGraph;
import org.upgradeplanner.window.Impact;

/**
 * For templates, {@code inject:impacts}: what a window takes down through dependencies. The fleet's dependencies are read
 * once per request, however many windows the page lists.
 */
@Named("impacts")
@RequestScoped
public class Impacts {

    private DependencyGraph graph;

    /** The services down through dependencies, each with its chain ("gerrit — review depends on db01"). */
    public List<Impact.Affected> alsoDown(Collection<String> hosts, Collection<String> services) {
        if (graph == null) {
            graph = DependencyGraph.of(Host.dependencies());
        }
        return graph.impact(hosts, services).indirectServices();
    }
}
