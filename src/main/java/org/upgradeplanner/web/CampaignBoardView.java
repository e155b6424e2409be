package org.upgradeplanner.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.upgradeplanner.campaign.CampaignBoard;
import org.upgradeplanner.campaign.CampaignView;
import org.upgradeplanner.campaign.ItemState;

/**
 * What a campaign's board shows, worked out from its cards: a column per state (the cards that pass the filter), the
 * choices of the filters, the signed-in person's claims, and the burn-down with the deadline and the end-of-life dates
 * of the releases still to replace.
 */
public record CampaignBoardView(
        CampaignView campaign,
        List<Column> columns,
        List<CampaignBoard.Card> mine,
        CampaignBoard.Filter filter,
        List<String> groups,
        List<String> services,
        List<String> people,
        CampaignBurnDown burnDown,
        String webcal,
        boolean deadlinePast) {

    /** Cards shown in one column; a filter narrows the rest. */
    static final int COLUMN = 100;

    /**
     * One state's column: its cards that pass the filter (at most {@link #COLUMN}), how many pass it, and how many
     * items of the campaign are in the state.
     */
    public record Column(String state, List<CampaignBoard.Card> cards, int count, long all) {}

    /**
     * @param all every card of the campaign
     * @param me the signed-in person
     * @param done when each finished item was finished, oldest first
     */
    static CampaignBoardView of(
            CampaignView c,
            List<CampaignBoard.Card> all,
            CampaignBoard.Filter filter,
            String me,
            List<Instant> done,
            LocalDate today,
            String webcal) {
        Map<ItemState, List<CampaignBoard.Card>> byState = new EnumMap<>(ItemState.class);
        for (ItemState s : ItemState.values()) {
            byState.put(s, new ArrayList<>());
        }
        TreeSet<String> groups = new TreeSet<>();
        TreeSet<String> services = new TreeSet<>();
        TreeSet<String> people = new TreeSet<>();
        List<CampaignBoard.Card> mine = new ArrayList<>();
        Map<String, Long> left = new TreeMap<>();
        Map<String, LocalDate> eols = new TreeMap<>();
        for (CampaignBoard.Card k : all) {
            groups.addAll(k.groups());
            services.addAll(k.services());
            ItemState state = ItemState.valueOf(k.item().state());
            if (k.item().assignee() != null) {
                people.add(k.item().assignee());
            }
            if (state == ItemState.CLAIMED && me.equals(k.item().assignee())) {
                mine.add(k);
            }
            if (!state.done() && k.eol() != null && k.os() != null) {
                left.merge(k.os(), 1L, Long::sum);
                eols.put(k.os(), k.eol());
            }
            if (filter.keeps(k)) {
                byState.get(state).add(k);
            }
        }
        List<Column> columns = new ArrayList<>();
        byState.forEach((state, cards) -> columns.add(new Column(
                state.name(),
                cards.subList(0, Math.min(COLUMN, cards.size())),
                cards.size(),
                c.items().getOrDefault(state, 0L))));
        List<CampaignBurnDown.Line> lines = new ArrayList<>();
        if (c.deadline() != null) {
            lines.add(new CampaignBurnDown.Line(c.deadline(), "deadline " + c.deadline()));
        }
        eols.forEach((os, eol) -> lines.add(new CampaignBurnDown.Line(eol, os + " EOL (" + left.get(os) + " left)")));
        CampaignBurnDown burnDown = CampaignBurnDown.of(
                all.size(), done, LocalDate.ofInstant(c.createdAt(), ZoneOffset.UTC), c.deadline(), lines, today);
        return new CampaignBoardView(
                c,
                columns,
                mine,
                filter,
                List.copyOf(groups),
                List.copyOf(services),
                List.copyOf(people),
                burnDown,
                webcal,
                c.deadline() != null && c.deadline().isBefore(today));
    }
}
