package org.upgradeplanner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.web.AuditChanges.Change;

class AuditChangesTest {

    @Test
    void onlyTheFieldsThatChangedAreListedByTheirPath() {
        assertEquals(
                List.of(
                        new Change("classification", "OUTAGE_REQUIRED", "TRIVIAL"),
                        new Change("os.version", "12.04", "14.04"),
                        new Change("reason", null, "moving"),
                        new Change("services", "gerrit, zuul", "gerrit")),
                AuditChanges.of(
                        "{\"classification\":\"OUTAGE_REQUIRED\",\"os\":{\"distro\":\"ubuntu\",\"version\":\"12.04\"},"
                                + "\"services\":[\"gerrit\",\"zuul\"],\"stateful\":true}",
                        "{\"classification\":\"TRIVIAL\",\"os\":{\"distro\":\"ubuntu\",\"version\":\"14.04\"},"
                                + "\"services\":[\"gerrit\"],\"stateful\":true,\"reason\":\"moving\"}"));
    }

    @Test
    void aCreationListsEveryFieldAndTextThatIsNoObjectIsShownWhole() {
        assertEquals(
                List.of(new Change("hostname", null, "a.example.org")),
                AuditChanges.of(null, "{\"hostname\":\"a.example.org\"}"));
        assertEquals(
                List.of(new Change("hostname", "a.example.org", null)),
                AuditChanges.of("{\"hostname\":\"a.example.org\"}", ""));
        assertEquals(List.of(new Change("value", "[1]", "not json")), AuditChanges.of("[1]", "not json"));
        assertEquals(List.of(), AuditChanges.of(null, null));
        assertEquals(List.of(), AuditChanges.of(null, "{\"description\":\"\",\"services\":[]}"));
    }
}
