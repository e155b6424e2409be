package org.upgradeplanner.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.List;
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

    /** The fleet's dependencies, read on the first call of the request. */
    public DependencyGraph graph() {
        if (graph == null) {
            graph = DependencyGraph.stored();
        }
        return graph;
    }

    /** The services down through dependencies, each with its chain ("gerrit — review depends on db01"). */
    public List<Impact.Affected> alsoDown(Collection<String> hosts, Collection<String> services) {
        return graph().impact(hosts, services).indirectServices();
    }
}
