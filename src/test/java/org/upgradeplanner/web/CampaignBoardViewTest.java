package org.upgradeplanner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.campaign.CampaignBoard;
import org.upgradeplanner.campaign.CampaignScope;
import org.upgradeplanner.campaign.CampaignView;
import org.upgradeplanner.campaign.ItemState;
import org.upgradeplanner.campaign.ItemView;
import org.upgradeplanner.classification.Classification;

class CampaignBoardViewTest {

    private static final LocalDate TODAY = LocalDate.of(2016, 6, 1);

    private static CampaignBoard.Card card(String host, ItemState state, String assignee, String group) {
        return new CampaignBoard.Card(
                new ItemView(host, state.name(), assignee, null, null, null, null, null, "admin", Instant.EPOCH, 0),
                Classification.TRIVIAL,
                "ubuntu 12.04",
                LocalDate.of(2017, 4, 28),
                List.of("zuul-merger"),
                List.of(group));
    }

    private static CampaignView campaign(LocalDate deadline, Map<ItemState, Long> counts) {
        return new CampaignView(
                1,
                "Sprint",
                Map.of("ubuntu", "14.04"),
                CampaignScope.EVERY_HOST,
                List.of(),
                deadline,
                "OPEN",
                "admin",
                Instant.parse("2016-05-20T10:00:00Z"),
                null,
                counts,
                0);
    }

    @Test
    void columnsFollowTheFilterWhileTheCountsAndChoicesCoverTheWholeCampaign() {
        List<CampaignBoard.Card> all = List.of(
                card("zm01", ItemState.CLAIMED, "alice", "zuul_mergers"),
                card("zm02", ItemState.CLAIMED, "bob", "zuul_mergers"),
                card("git01", ItemState.TODO, null, "git_backends"),
                card("zm03", ItemState.VERIFIED, "alice", "zuul_mergers"));
        Map<ItemState, Long> counts = new java.util.EnumMap<>(Map.of(
                ItemState.TODO,
                1L,
                ItemState.CLAIMED,
                2L,
                ItemState.REPLACED,
                0L,
                ItemState.VERIFIED,
                1L,
                ItemState.SKIPPED,
                0L));
        CampaignBoardView view = CampaignBoardView.of(
                campaign(LocalDate.of(2017, 4, 28), counts),
                all,
                new CampaignBoard.Filter(null, null, null, "zuul_mergers"),
                "alice",
                List.of(Instant.parse("2016-05-25T12:00:00Z")),
                TODAY,
                "webcal://planner/calendar/campaigns/1.ics");
        CampaignBoardView.Column todo = view.columns().get(0);
        assertEquals("TODO", todo.state());
        assertEquals(List.of(), todo.cards(), "git01 is not in the pool filtered for");
        assertEquals(1, todo.all());
        assertEquals(2, view.columns().get(1).count());
        assertEquals(
                List.of("zm01"),
                view.mine().stream().map(k -> k.item().hostname()).toList());
        assertEquals(List.of("git_backends", "zuul_mergers"), view.groups());
        assertEquals(List.of("alice", "bob"), view.people());
        assertEquals(3, view.burnDown().left());
        assertTrue(!view.deadlinePast());
        assertEquals(
                List.of("deadline 2017-04-28", "ubuntu 12.04 EOL (3 left)"),
                view.burnDown().markers().stream().map(BurnDown.Marker::label).toList());
        assertTrue(campaignPast().deadlinePast());
    }

    private static CampaignBoardView campaignPast() {
        return CampaignBoardView.of(
                campaign(LocalDate.of(2015, 4, 30), Map.of()),
                List.of(),
                CampaignBoard.Filter.NONE,
                "alice",
                List.of(),
                TODAY,
                "webcal://x");
    }
}
