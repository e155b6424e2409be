package org.upgradeplanner.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    @Test
    void theWholeTable() {
        Map<WindowState, List<WindowAction>> expected = Map.of(
                WindowState.DRAFT, List.of(WindowAction.EDIT, WindowAction.SCHEDULE, WindowAction.CANCEL),
                WindowState.SCHEDULED,
                        List.of(WindowAction.EDIT, WindowAction.ANNOUNCE, WindowAction.START, WindowAction.CANCEL),
                WindowState.ANNOUNCED, List.of(WindowAction.EDIT, WindowAction.START, WindowAction.CANCEL),
                WindowState.IN_PROGRESS, List.of(WindowAction.EXTEND, WindowAction.COMPLETE, WindowAction.CANCEL),
                WindowState.COMPLETED, List.of(),
                WindowState.CANCELLED, List.of());
        for (WindowState s : WindowState.values()) {
            assertEquals(expected.get(s), Transitions.allowed(s), s.name());
        }
    }

    @Test
    void targets() {
        assertEquals(Optional.of(WindowState.SCHEDULED), Transitions.next(WindowState.DRAFT, WindowAction.SCHEDULE));
        assertEquals(
                Optional.of(WindowState.ANNOUNCED), Transitions.next(WindowState.SCHEDULED, WindowAction.ANNOUNCE));
        assertEquals(Optional.of(WindowState.IN_PROGRESS), Transitions.next(WindowState.ANNOUNCED, WindowAction.START));
        assertEquals(
                Optional.of(WindowState.COMPLETED), Transitions.next(WindowState.IN_PROGRESS, WindowAction.COMPLETE));
        assertEquals(
                Optional.of(WindowState.CANCELLED), Transitions.next(WindowState.IN_PROGRESS, WindowAction.CANCEL));
        assertEquals(Optional.empty(), Transitions.next(WindowState.COMPLETED, WindowAction.CANCEL));
        assertEquals(Optional.empty(), Transitions.next(WindowState.SCHEDULED, WindowAction.EXTEND));
        assertEquals(Optional.empty(), Transitions.next(WindowState.DRAFT, WindowAction.START));
    }
}
