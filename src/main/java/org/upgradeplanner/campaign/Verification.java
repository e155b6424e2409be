package org.upgradeplanner.campaign;

import java.util.Optional;
import org.upgradeplanner.release.Release;
import org.upgradeplanner.release.ReleaseCatalog;

/**
 * Whether the inventory shows an item's host (or its named replacement) on the item's target, and what that makes of
 * the item: on target → VERIFIED (from TODO, CLAIMED or REPLACED alike: the inventory is the proof, not a person's
 * word); a VERIFIED item whose host is below target again, or gone without a replacement, drops back (to REPLACED
 * when someone marked it replaced, else TODO) with a note. SKIPPED items are left alone.
 */
public final class Verification {

    /** What the inventory says the subject runs; {@code null} instead of one of these: the subject is not stored. */
    public record Seen(String distro, String version) {}

    public record Outcome(ItemState state, String note) {}

    private final ReleaseCatalog catalog;

    public Verification(ReleaseCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The item's next state and note, or empty when it stays as it is.
     *
     * @param replaced someone marked it replaced (or its window completed)
     * @param subject the host read: the replacement when named, else the item's host
     * @param seen what the inventory says {@code subject} runs, null when it holds no such host
     * @param distro the item's distro, {@code target} its target version there
     */
    public Optional<Outcome> next(
            ItemState state, boolean replaced, String subject, Seen seen, String distro, String target) {
        if (state == ItemState.SKIPPED) {
            return Optional.empty();
        }
        boolean onTarget = onTarget(seen, distro, target);
        if (onTarget && state != ItemState.VERIFIED) {
            return Optional.of(new Outcome(
                    ItemState.VERIFIED,
                    "verified: the inventory shows " + subject + " on " + seen.distro() + " " + seen.version()));
        }
        if (!onTarget && state == ItemState.VERIFIED) {
            String why = seen == null
                    ? subject + " is no longer in the inventory"
                    : "the inventory shows " + subject + " on "
                            + (seen.distro() == null ? "an unknown release" : seen.distro() + " " + seen.version())
                            + ", below the target " + distro + " " + target;
            return Optional.of(
                    new Outcome(replaced ? ItemState.REPLACED : ItemState.TODO, "no longer verified: " + why));
        }
        return Optional.empty();
    }

    /** The subject runs the item's distro at or past the target version. */
    boolean onTarget(Seen seen, String distro, String target) {
        if (seen == null
                || seen.distro() == null
                || distro == null
                || target == null
                || !seen.distro().equalsIgnoreCase(distro)) {
            return false;
        }
        Optional<Release> running = catalog.find(distro, seen.version());
        Optional<Release> wanted = catalog.find(distro, target);
        return running.isPresent()
                && wanted.isPresent()
                && catalog.path(running.get(), wanted.get()).upToDate();
    }
}
