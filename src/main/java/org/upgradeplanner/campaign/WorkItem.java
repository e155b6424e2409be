package org.upgradeplanner.campaign;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upgradeplanner.support.PlannerException;

/**
 * One host's work in a campaign: {@code TODO → CLAIMED → REPLACED → VERIFIED}, or {@code SKIPPED}. The hostname is
 * kept as text: the item outlives the host it names (a replaced host often leaves the inventory).
 */
@Entity
@Table(name = "campaign_item")
public class WorkItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_item_seq")
    @SequenceGenerator(name = "campaign_item_seq", sequenceName = "campaign_item_seq", allocationSize = 100)
    public Long id;

    @Column(name = "campaign_id", nullable = false)
    public long campaignId;

    @Column(nullable = false, length = 253)
    public String hostname;

    /** The host's distro when the campaign opened: which of the campaign's targets is this item's. */
    @Column(length = 64)
    public String distro;

    /** The hostname while the campaign is open, null after: a unique column, so a host is in one open campaign at most. */
    @Column(name = "open_hostname", length = 253)
    public String openHostname;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ItemState state = ItemState.TODO;

    /** Who claimed it (and so who replaced it); kept after REPLACED and VERIFIED. */
    @Column(length = 255)
    public String assignee;

    @Column(length = 2000)
    public String note;

    /** The host that replaces this one, when it has another name; verification then reads that host. */
    @Column(length = 253)
    public String replacement;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "replaced_at")
    public Instant replacedAt;

    /** When it became VERIFIED or SKIPPED: the burn-down counts it done from then. */
    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 255)
    public String updatedBy;

    @Version
    public int version;

    /** What the audit log records of an item, before and after a change. */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("state", state.name());
        s.put("assignee", assignee);
        s.put("replacement", replacement);
        s.put("note", note);
        return s;
    }

    /** The host verification reads: the replacement when one is named, else the host itself. */
    public String subject() {
        return replacement != null ? replacement : hostname;
    }

    public static List<WorkItem> ofCampaign(long campaignId) {
        return list("campaignId = ?1 order by hostname", campaignId);
    }

    public static WorkItem require(long campaignId, String hostname) {
        WorkItem item =
                find("campaignId = ?1 and hostname = ?2", campaignId, hostname).firstResult();
        if (item == null) {
            throw PlannerException.notFound("campaign " + campaignId + " has no host " + hostname);
        }
        return item;
    }

    /**
     * Items of open campaigns that name one of these hosts, as the host or as its replacement: two queries per thousand
     * names, each on its own index.
     */
    public static List<WorkItem> openNaming(Collection<String> hostnames) {
        Set<WorkItem> items = new LinkedHashSet<>();
        List<String> all = List.copyOf(hostnames);
        for (int i = 0; i < all.size(); i += 1000) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
            items.addAll(list("openHostname in ?1", chunk));
            items.addAll(list("replacement in ?1 and openHostname is not null", chunk));
        }
        return List.copyOf(items);
    }

    /** The hostnames claimed now, in any open campaign. */
    public static java.util.Set<String> claimedHosts() {
        return new java.util.HashSet<>(getEntityManager()
                .createQuery(
                        "select i.hostname from WorkItem i where i.openHostname is not null and i.state = :claimed",
                        String.class)
                .setParameter("claimed", ItemState.CLAIMED)
                .getResultList());
    }
}
