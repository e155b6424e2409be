package org.upgradeplanner.window;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the window events the application fires, for tests. */
@ApplicationScoped
public class WindowEventRecorder {

    private final List<WindowEvent> events = new CopyOnWriteArrayList<>();

    void on(@Observes WindowEvent event) {
        events.add(event);
    }

    public List<WindowEvent.Kind> kinds(long windowId) {
        return events.stream()
                .filter(e -> e.windowId() == windowId)
                .map(WindowEvent::kind)
                .toList();
    }

    public List<WindowEvent> of(long windowId) {
        return events.stream().filter(e -> e.windowId() == windowId).toList();
    }
}
