package org.upgradeplanner.announcement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.upgradeplanner.window.MaintenanceWindow;
import org.upgradeplanner.window.WindowCommands;
import org.upgradeplanner.window.WindowEvent;

/** Test helper: a window change whose transaction dies after the event (as a crash before the commit would). */
@ApplicationScoped
public class CrashingChange {

    private final WindowCommands windows;
    private final Event<WindowEvent> events;

    CrashingChange(WindowCommands windows, Event<WindowEvent> events) {
        this.windows = windows;
        this.events = events;
    }

    @Transactional
    public void cancelThenCrash(long id) {
        windows.cancel(id, "crash test");
        throw new IllegalStateException("the process died before the commit");
    }

    /** The change, then the same event delivered a second time (a retried job, another instance). */
    @Transactional
    public void cancelTwice(long id) {
        windows.cancel(id, "crash test, retried");
        MaintenanceWindow w = MaintenanceWindow.findById(id);
        events.fire(new WindowEvent(id, WindowEvent.Kind.CANCELLED, w.sequence, null));
    }
}
