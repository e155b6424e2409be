package org.upgradeplanner.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.campaign.Verification.Outcome;
import org.upgradeplanner.campaign.Verification.Seen;
import org.upgradeplanner.release.Catalogs;

class VerificationTest {

    private final Verification verification = new Verification(Catalogs.bundled());

    private Optional<Outcome> next(ItemState state, boolean replaced, Seen seen) {
        return verification.next(state, replaced, "zm01.example.org", seen, "ubuntu", "14.04");
    }

    @Test
    void onTheTargetOrPastItIsVerifiedFromAnyOpenState() {
        for (ItemState s : new ItemState[] {ItemState.TODO, ItemState.CLAIMED, ItemState.REPLACED}) {
            assertEquals(
                    new Outcome(ItemState.VERIFIED, "verified: the inventory shows zm01.example.org on ubuntu 14.04"),
                    next(s, s == ItemState.REPLACED, new Seen("ubuntu", "14.04"))
                            .orElseThrow());
            assertEquals(
                    ItemState.VERIFIED,
                    next(s, false, new Seen("ubuntu", "16.04")).orElseThrow().state());
            assertEquals(
                    ItemState.VERIFIED,
                    next(s, false, new Seen("ubuntu", "14.04.5")).orElseThrow().state());
        }
    }

    @Test
    void belowTheTargetUnknownOrAnotherDistroIsNotVerified() {
        assertTrue(next(ItemState.REPLACED, true, new Seen("ubuntu", "12.04")).isEmpty());
        assertTrue(next(ItemState.CLAIMED, false, null).isEmpty());
        assertTrue(next(ItemState.TODO, false, new Seen(null, null)).isEmpty());
        assertTrue(next(ItemState.TODO, false, new Seen("debian", "14.04")).isEmpty());
        assertTrue(next(ItemState.TODO, false, new Seen("ubuntu", "99.99")).isEmpty());
        assertTrue(verification
                .next(ItemState.TODO, false, "h", new Seen("ubuntu", "14.04"), "ubuntu", null)
                .isEmpty());
    }

    @Test
    void aVerifiedHostThatRevertsDropsBackWithANote() {
        assertEquals(
                new Outcome(
                        ItemState.REPLACED,
                        "no longer verified: the inventory shows zm01.example.org on ubuntu 12.04, below the target"
                                + " ubuntu 14.04"),
                next(ItemState.VERIFIED, true, new Seen("ubuntu", "12.04")).orElseThrow());
        assertEquals(
                new Outcome(ItemState.TODO, "no longer verified: zm01.example.org is no longer in the inventory"),
                next(ItemState.VERIFIED, false, null).orElseThrow());
        assertTrue(next(ItemState.VERIFIED, true, new Seen("ubuntu", "14.04")).isEmpty());
    }

    @Test
    void aSkippedItemIsLeftAlone() {
        assertTrue(next(ItemState.SKIPPED, false, new Seen("ubuntu", "14.04")).isEmpty());
        assertTrue(next(ItemState.SKIPPED, false, null).isEmpty());
    }
}
