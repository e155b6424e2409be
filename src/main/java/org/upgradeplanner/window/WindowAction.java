package org.upgradeplanner.window;

/** What can happen to a window; {@link Transitions} says from which states. */
public enum WindowAction {
    /** Edit fields (title, times, hosts, description); a change of times is a reschedule. */
    EDIT("edit"),
    SCHEDULE("schedule"),
    /** The announcement went out (its draft was marked sent). */
    ANNOUNCE("announce"),
    START("start"),
    EXTEND("extend"),
    COMPLETE("complete"),
    CANCEL("cancel");

    public final String path;

    WindowAction(String path) {
        this.path = path;
    }
}
