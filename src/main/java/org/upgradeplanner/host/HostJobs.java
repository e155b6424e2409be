package org.upgradeplanner.host;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The default target moves on the day a new LTS is released: classify the fleet again every night (once per cluster). */
@ApplicationScoped
public class HostJobs {

    private static final Logger LOG = Logger.getLogger(HostJobs.class);

    private final HostClassification classification;

    HostJobs(HostClassification classification) {
        this.classification = classification;
    }

    @Scheduled(
            identity = "nightly-reclassification",
            cron = "0 5 0 * * ?",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reclassify() {
        int changed = classification.reclassifyAll();
        LOG.infof("Nightly classification: %d host(s) changed class", changed);
    }
}
