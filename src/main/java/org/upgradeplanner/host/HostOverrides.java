package org.upgradeplanner.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.Overrides;

/**
 * An admin's override of a host's class, stored on the host and audited with who and why ({@link Overrides} holds
 * what an override must say). It wins over the rule result, which it leaves alone, so nothing is reclassified.
 */
@ApplicationScoped
@Transactional
public class HostOverrides {

    private final HostQueries queries;
    private final AuditLog audit;
    private final Clock clock;

    HostOverrides(HostQueries queries, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    public HostView override(String hostname, Classification classification, String reason, Integer version) {
        String why = Overrides.reason(classification, reason);
        Host h = queries.find(hostname);
        HostInputs.checkVersion(h, version, false);
        Map<String, Object> before = state(h);
        h.overrideClassification = classification;
        h.overrideReason = why;
        h.overrideBy = audit.actor();
        h.overrideAt = Instant.now(clock);
        h.updatedAt = h.overrideAt;
        audit.record("CLASSIFICATION_OVERRIDDEN", "host", h.hostname, before, state(h), h.overrideReason);
        return queries.flushedView(h);
    }

    /** The same override (or, with {@code clear}, none) on several hosts: all of them or none. */
    public int overrideAll(List<String> hostnames, Classification classification, String reason, boolean clear) {
        for (String hostname : hostnames) {
            if (clear) {
                clearOverride(hostname, null);
            } else {
                override(hostname, classification, reason, null);
            }
        }
        return hostnames.size();
    }

    public HostView clearOverride(String hostname, Integer version) {
        Host h = queries.find(hostname);
        HostInputs.checkVersion(h, version, false);
        if (h.overrideClassification != null) {
            Map<String, Object> before = state(h);
            h.overrideClassification = null;
            h.overrideReason = null;
            h.overrideBy = null;
            h.overrideAt = null;
            h.updatedAt = Instant.now(clock);
            audit.record("CLASSIFICATION_OVERRIDE_CLEARED", "host", h.hostname, before, state(h), null);
        }
        return queries.flushedView(h);
    }

    private static Map<String, Object> state(Host h) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("classification", h.effectiveClassification());
        s.put("source", h.overrideClassification == null ? "RULE" : "OVERRIDE");
        s.put("reason", h.overrideReason);
        return s;
    }
}
