package org.upgradeplanner.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.classification.Classifier;
import org.upgradeplanner.classification.Reclassification;
import org.upgradeplanner.classification.Rules;
import org.upgradeplanner.classification.Verdict;
import org.upgradeplanner.release.ReleaseService;
import org.upgradeplanner.support.FleetLock;
import org.upgradeplanner.support.Json;

/**
 * Keeps the stored rule results true. A change works out its verdicts first ({@link #plan}: the changed hosts and
 * the neighbours it reaches, see {@link Reclassification}), writes its hosts with their verdicts, then the neighbours'
 * new verdicts ({@link #writeNeighbours}). Only start-up and the nightly run, when the target or catalog may have
 * moved, classify the whole fleet ({@link #reclassifyAll}). Every change of class is audited.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HostClassification {

    private static final Classifier CLASSIFIER = new Classifier(Rules.DEFAULT);

    private final ReleaseService releases;
    private final AuditLog audit;
    private final FleetLock fleetLock;
    private final Reclassification reclassification = new Reclassification(CLASSIFIER);

    HostClassification(ReleaseService releases, AuditLog audit, FleetLock fleetLock) {
        this.releases = releases;
        this.audit = audit;
        this.fleetLock = fleetLock;
    }

    /** The verdicts after a change, of the changed hosts that remain and of the stored neighbours it reaches. */
    public record Plan(Map<String, Verdict> verdicts, Map<String, Host.Row> neighbours) {

        public Verdict of(String hostname) {
            return verdicts.get(hostname);
        }
    }

    /** Works out a change's verdicts from the stored fleet, before the change is written. */
    Plan plan(List<Reclassification.Change> changes) {
        StoredHosts stored = new StoredHosts();
        Map<String, Verdict> verdicts = reclassification.verdicts(changes, stored, releases.policy());
        return new Plan(verdicts, stored.neighbours());
    }

    /** Writes the new verdicts of the plan's neighbours (the changed hosts' own are written with them). */
    void writeNeighbours(Plan plan) {
        write(plan.neighbours().values(), plan.verdicts());
    }

    /** Classifies the whole fleet again; returns how many hosts' rule results changed. */
    @Transactional
    public int reclassifyAll() {
        fleetLock.acquire();
        List<Host.Row> rows = Host.rows();
        return write(
                rows, CLASSIFIER.classify(rows.stream().map(Host.Row::facts).toList(), releases.policy()));
    }

    /** Writes these hosts' new verdicts (those that differ from the stored ones); returns how many changed. */
    int writeVerdicts(Iterable<Host.Row> rows, Map<String, Verdict> verdicts) {
        return write(rows, verdicts);
    }

    private int write(Iterable<Host.Row> rows, Map<String, Verdict> verdicts) {
        List<HostRows.VerdictUpdate> updates = new ArrayList<>();
        List<AuditLog.Entry> changes = new ArrayList<>();
        for (Host.Row r : rows) {
            Verdict v = verdicts.get(r.hostname());
            String reasons = Json.write(v.reasons());
            if (!matches(r, v, reasons)) {
                updates.add(
                        new HostRows.VerdictUpdate(r.id(), v.classification().name(), v.rule(), reasons, eol(v)));
                if (!r.rule().isEmpty() && r.classification() != v.classification()) {
                    changes.add(classChanged(r.hostname(), r.classification(), r.rule(), v));
                }
            }
        }
        HostRows.updateVerdicts(Host.getEntityManager(), updates);
        audit.recordAll(changes);
        return updates.size();
    }

    /**
     * Writes a verdict to a host entity; a change of class is added to {@code audited} (not a new host's first one: its
     * rule is still empty).
     */
    static void store(Host h, Verdict v, List<AuditLog.Entry> audited) {
        String reasons = Json.write(v.reasons());
        var eol = eol(v);
        if (h.classification == v.classification()
                && h.rule.equals(v.rule())
                && h.reasonsJson.equals(reasons)
                && Objects.equals(h.eol, eol)) {
            return;
        }
        if (!h.rule.isEmpty() && h.classification != v.classification()) {
            audited.add(classChanged(h.hostname, h.classification, h.rule, v));
        }
        h.classification = v.classification();
        h.rule = v.rule();
        h.reasonsJson = reasons;
        h.eol = eol;
    }

    /** The class a host shows: its override, else the rule result. */
    static Classification effective(Host.Row r, Verdict v) {
        return r.overrideClassification() != null ? r.overrideClassification() : v.classification();
    }

    /** Whether the stored rule result is the verdict's ({@code reasonsJson} is its reasons, serialised once by the caller). */
    private static boolean matches(Host.Row r, Verdict v, String reasonsJson) {
        return r.classification() == v.classification()
                && r.rule().equals(v.rule())
                && r.reasonsJson().equals(reasonsJson)
                && Objects.equals(r.eol(), eol(v));
    }

    private static AuditLog.Entry classChanged(String hostname, Classification before, String rule, Verdict v) {
        return new AuditLog.Entry(
                "CLASSIFICATION_CHANGED",
                "host",
                hostname,
                Map.of("classification", before, "rule", rule),
                Map.of("classification", v.classification(), "rule", v.rule()),
                String.join("; ", v.reasons()));
    }

    private static java.time.LocalDate eol(Verdict v) {
        return v.release() == null ? null : v.release().eol();
    }
}
