package org.upgradeplanner.announcement;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.upgradeplanner.window.WindowEvent.Kind;

/**
 * What the list has heard of one window, from its drafts so far: which times it was told (the times of the last draft
 * marked sent that states any), and which mail its thread hangs from. A draft names a time as "was" or "previously"
 * only if the list was told it; times a reschedule set but nobody sent are never mentioned.
 *
 * <p>Threading: the thread starts at the window's <em>first draft</em> (the lowest id, its first ANNOUNCE), as the
 * contract fixes; every later draft carries {@code In-Reply-To} and {@code References} with its Message-ID. The root is
 * known when a draft is written and never changes, so a draft's headers are the same on every fetch, sent or not. When
 * that first draft was superseded and never sent, mail readers show the follow-ups together under a missing parent,
 * which still threads them; choosing the first draft <em>sent</em> instead would change a pending draft's headers the
 * moment another is sent.
 */
public final class MailHistory {

    /** Times a draft states as the window's schedule. */
    public record Times(Instant start, Instant end) {}

    /** One earlier draft of the window, as the history needs it; {@code told} is null when it stated no times. */
    public record Draft(long id, Kind kind, Announcement.Status status, Instant sentAt, Times told, String messageId) {

        boolean sent() {
            return status == Announcement.Status.SENT;
        }
    }

    /**
     * What a new draft may say. {@code previous}: the times the list was last told, null when it was told none (or the
     * draft that told it predates this record); {@code heardOf}: whether any draft of the window was sent at all.
     */
    public record Telling(Kind kind, Times now, Times previous, boolean heardOf) {

        /** The previous times, if the list was told some and they differ from the current ones. */
        public Optional<Times> moved() {
            return previous == null || previous.equals(now) ? Optional.empty() : Optional.of(previous);
        }

        /** The times this draft states, stored with it: the schedule, or for a cancellation the times it names as "was". */
        public Times told() {
            return kind == Kind.CANCELLED ? previous : now;
        }
    }

    /** {@code In-Reply-To} (null for a thread start) and {@code References}. */
    public record Threading(String inReplyTo, List<String> references) {

        static final Threading START = new Threading(null, List.of());
    }

    /** Pending drafts an event makes pointless: nobody should be told "soon" of an outage that has started. */
    private static final Map<Kind, List<Kind>> SUPERSEDES = Map.of(
            Kind.ANNOUNCE, List.of(Kind.ANNOUNCE, Kind.REMINDER),
            Kind.REMINDER, List.of(Kind.REMINDER),
            Kind.RESCHEDULED, List.of(Kind.ANNOUNCE, Kind.REMINDER, Kind.RESCHEDULED),
            Kind.STARTED, List.of(Kind.ANNOUNCE, Kind.REMINDER, Kind.RESCHEDULED),
            Kind.EXTENDED, List.of(Kind.EXTENDED),
            Kind.COMPLETED, List.of(Kind.ANNOUNCE, Kind.REMINDER, Kind.RESCHEDULED, Kind.STARTED, Kind.EXTENDED),
            Kind.CANCELLED, List.of(Kind.ANNOUNCE, Kind.REMINDER, Kind.RESCHEDULED, Kind.STARTED, Kind.EXTENDED));

    private final List<Draft> drafts;

    /** The window's drafts in the order they were written (by id). */
    public MailHistory(List<Draft> drafts) {
        this.drafts =
                drafts.stream().sorted(Comparator.comparingLong(Draft::id)).toList();
    }

    /** Kinds of pending draft that a new draft of {@code kind} marks superseded. */
    public static List<Kind> supersededBy(Kind kind) {
        return SUPERSEDES.getOrDefault(kind, List.of());
    }

    /** What a draft written now for {@code kind}, with the window at {@code now}, may say. */
    public Telling next(Kind kind, Times now) {
        boolean heardOf = drafts.stream().anyMatch(Draft::sent);
        Times previous = null;
        for (Draft d : drafts) {
            if (d.sent() && d.told() != null) {
                previous = d.told(); // the latest statement the list has received wins
            }
        }
        return new Telling(kind, now, previous, heardOf);
    }

    /** The window's first draft: the root of its thread. */
    public Optional<Draft> root() {
        return drafts.stream().findFirst();
    }

    /** The threading headers of draft {@code id}. */
    public Threading threading(long id) {
        return root().filter(r -> r.id() != id)
                .map(r -> new Threading(r.messageId(), List.of(r.messageId())))
                .orElse(Threading.START);
    }

    /** {@code <announcement-42.rescheduled.3@planner.example.org>}: unique per draft (its id), fixed when written. */
    public static String messageId(long id, Kind kind, int sequence, String host) {
        return messageId(id, kind.name(), sequence, host);
    }

    /** As {@link #messageId(long, Kind, int, String)}, for any draft kind's name (campaign drafts too). */
    static String messageId(long id, String kind, int sequence, String host) {
        String domain = host == null || !host.matches("[A-Za-z0-9.-]+") ? "upgrade-planner" : host;
        return "<announcement-" + id + "." + kind.toLowerCase(java.util.Locale.ROOT) + "." + sequence + "@" + domain
                + ">";
    }
}
