package org.upgradeplanner.campaign;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.upgradeplanner.support.Json;
import org.upgradeplanner.support.PlannerException;

/**
 * A named upgrade drive: a target per distro, the scope it was opened with, sprint days and a deadline. Its hosts are
 * its {@link WorkItem}s, fixed when it opens. OPEN until an admin closes it.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    public enum State {
        OPEN,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_seq")
    @SequenceGenerator(name = "campaign_seq", sequenceName = "campaign_seq", allocationSize = 50)
    public Long id;

    /** The UID stem of the campaign's sprint-day events: minted once, never reused. */
    @Column(nullable = false, length = 100)
    public String uid;

    @Column(nullable = false, length = 200)
    public String name;

    /** distro → target version, as JSON. */
    @Column(name = "targets", nullable = false, length = 2000)
    public String targetsJson;

    @Column(name = "scope", nullable = false, length = 20_000)
    public String scopeJson;

    /** Sprint days (dates), as a JSON list. */
    @Column(name = "sprint_days", nullable = false, length = 4000)
    public String sprintDaysJson = "[]";

    /** When every host should be done: given, or the earliest end of life in scope; null when neither is known. */
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public State state = State.OPEN;

    @Column(name = "created_by", nullable = false, length = 255)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int version;

    public Map<String, String> targets() {
        return new TreeMap<>(Json.read(targetsJson, new TypeReference<Map<String, String>>() {}));
    }

    /** The targets in words: {@code ubuntu 14.04, debian 8}. */
    public String targetsText() {
        return String.join(
                ", ",
                targets().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .toList());
    }

    public CampaignScope scope() {
        return Json.read(scopeJson, new TypeReference<CampaignScope>() {});
    }

    public List<LocalDate> sprintDays() {
        return Json.read(sprintDaysJson, new TypeReference<List<String>>() {}).stream()
                .map(LocalDate::parse)
                .toList();
    }

    public boolean open() {
        return state == State.OPEN;
    }

    public static Campaign require(long id) {
        Campaign c = findById(id);
        if (c == null) {
            throw PlannerException.notFound("no campaign with id " + id);
        }
        return c;
    }
}
