package org.upgradeplanner.window;

import static org.upgradeplanner.window.WindowAction.ANNOUNCE;
import static org.upgradeplanner.window.WindowAction.CANCEL;
import static org.upgradeplanner.window.WindowAction.COMPLETE;
import static org.upgradeplanner.window.WindowAction.EDIT;
import static org.upgradeplanner.window.WindowAction.EXTEND;
import static org.upgradeplanner.window.WindowAction.SCHEDULE;
import static org.upgradeplanner.window.WindowAction.START;
import static org.upgradeplanner.window.WindowState.ANNOUNCED;
import static org.upgradeplanner.window.WindowState.CANCELLED;
import static org.upgradeplanner.window.WindowState.COMPLETED;
import static org.upgradeplanner.window.WindowState.DRAFT;
import static org.upgradeplanner.window.WindowState.IN_PROGRESS;
import static org.upgradeplanner.window.WindowState.SCHEDULED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The transition table: for each state, each allowed action and the state it leads to. */
public final class Transitions {

    private static final Map<WindowState, Map<WindowAction, WindowState>> TABLE = new EnumMap<>(WindowState.class);

    static {
        allow(DRAFT, EDIT, DRAFT);
        allow(DRAFT, SCHEDULE, SCHEDULED);
        allow(DRAFT, CANCEL, CANCELLED);
        allow(SCHEDULED, EDIT, SCHEDULED);
        allow(SCHEDULED, ANNOUNCE, ANNOUNCED);
        allow(SCHEDULED, START, IN_PROGRESS);
        allow(SCHEDULED, CANCEL, CANCELLED);
        allow(ANNOUNCED, EDIT, ANNOUNCED);
        allow(ANNOUNCED, START, IN_PROGRESS);
        allow(ANNOUNCED, CANCEL, CANCELLED);
        allow(IN_PROGRESS, EXTEND, IN_PROGRESS);
        allow(IN_PROGRESS, COMPLETE, COMPLETED);
        allow(IN_PROGRESS, CANCEL, CANCELLED);
        TABLE.putIfAbsent(COMPLETED, new EnumMap<>(WindowAction.class));
        TABLE.putIfAbsent(CANCELLED, new EnumMap<>(WindowAction.class));
    }

    private Transitions() {}

    private static void allow(WindowState from, WindowAction action, WindowState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(WindowAction.class)).put(action, to);
    }

    public static Optional<WindowState> next(WindowState from, WindowAction action) {
        return Optional.ofNullable(TABLE.get(from).get(action));
    }

    /** What an admin may ask for in this state: announcing and starting happen by themselves (a sent draft, a trigger). */
    public static List<String> adminActions(WindowState from) {
        return allowed(from).stream()
                .filter(a -> a != WindowAction.ANNOUNCE && a != WindowAction.START)
                .map(a -> a.path)
                .toList();
    }

    public static List<WindowAction> allowed(WindowState from) {
        EnumSet<WindowAction> actions = EnumSet.noneOf(WindowAction.class);
        actions.addAll(TABLE.get(from).keySet());
        return List.copyOf(actions);
    }
}
