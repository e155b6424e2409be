package org.upgradeplanner.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A campaign as the API shows it, with how many of its hosts are in each state. */
public record CampaignView(
        long id,
        String name,
        Map<String, String> targets,
        CampaignScope scope,
        List<LocalDate> sprintDays,
        LocalDate deadline,
        String state,
        String createdBy,
        Instant createdAt,
        Instant closedAt,
        Map<ItemState, Long> items,
        int version) {

    static CampaignView from(Campaign c, Map<ItemState, Long> counts) {
        return new CampaignView(
                c.id,
                c.name,
                c.targets(),
                c.scope(),
                c.sprintDays(),
                c.deadline,
                c.state.name(),
                c.createdBy,
                c.createdAt,
                c.closedAt,
                counts,
                c.version);
    }

    public long total() {
        return items.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Hosts not yet verified or skipped. */
    public long left() {
        return total() - items.getOrDefault(ItemState.VERIFIED, 0L) - items.getOrDefault(ItemState.SKIPPED, 0L);
    }
}
