package org.upgradeplanner.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.host.Host;

/**
 * A campaign's items with what the board shows of their hosts (class, services, groups, release), filtered by state,
 * person, service or group (a pool: ancestors count, as everywhere); and the history its burn-down draws.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignBoard {

    /** Blank fields do not filter. */
    public record Filter(String state, String assignee, String service, String group) {

        public static final Filter NONE = new Filter(null, null, null, null);

        public boolean keeps(Card c) {
            return keeps(c.item().state(), c.item().assignee())
                    && (blank(service) || c.services().contains(service.strip()))
                    && (blank(group) || c.groups().contains(group.strip()));
        }

        /** What an item alone decides: its state and its person. */
        boolean keeps(String itemState, String itemAssignee) {
            return (blank(state) || itemState.equalsIgnoreCase(state.strip()))
                    && (blank(assignee) || assignee.strip().equals(itemAssignee));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** An item and its host as stored now ({@code classification} null when the host left the inventory). */
    public record Card(
            ItemView item,
            Classification classification,
            String os,
            LocalDate eol,
            List<String> services,
            List<String> groups) {

        /** Needs an announced outage: follows its maintenance window rather than a claim. */
        public boolean outage() {
            return classification == Classification.OUTAGE_REQUIRED;
        }

        /** People still act on it (claim, replace, skip). */
        public boolean open() {
            return !ItemState.valueOf(item.state()).done();
        }
    }

    /**
     * Items of the campaign that pass the filter, by hostname. State and person narrow the items before their hosts are
     * read; pool and service need the hosts.
     */
    public List<Card> cards(long campaignId, Filter filter) {
        Campaign.require(campaignId);
        List<WorkItem> items = WorkItem.ofCampaign(campaignId).stream()
                .filter(i -> filter.keeps(i.state.name(), i.assignee))
                .toList();
        Map<String, Host.Row> hosts = Host.rowsNamed(
                        items.stream().map(i -> i.hostname).toList())
                .stream()
                .collect(Collectors.toMap(Host.Row::hostname, Function.identity()));
        List<Card> cards = new ArrayList<>();
        for (WorkItem i : items) {
            Host.Row h = hosts.get(i.hostname);
            Card card = new Card(
                    ItemView.from(i),
                    h == null ? null : h.effective(),
                    h == null || h.distro() == null ? null : h.distro() + " " + h.osVersion(),
                    h == null ? null : h.eol(),
                    h == null ? List.of() : sorted(h.services()),
                    h == null ? List.of() : sorted(h.groups()));
            if (filter.keeps(card)) {
                cards.add(card);
            }
        }
        return cards;
    }

    /** When each of the campaign's items was done (VERIFIED or SKIPPED), oldest first; items not done are left out. */
    public List<Instant> doneTimes(long campaignId) {
        return WorkItem.getEntityManager()
                .createQuery(
                        "select i.doneAt from WorkItem i where i.campaignId = :id and i.doneAt is not null"
                                + " order by i.doneAt",
                        Instant.class)
                .setParameter("id", campaignId)
                .getResultList();
    }

    private static List<String> sorted(Set<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }
}
