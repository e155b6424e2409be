package org.upgradeplanner.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupRolesTest {

    private final GroupRoles roles = new GroupRoles(Map.of(
            "admin", List.of("infra-root"),
            "viewer", List.of("infra-viewers", "staff"),
            "announcer", List.of("list-announcers")));

    @Test
    void theStrongestRoleOfAnyGroupWins() {
        assertEquals(Optional.of("admin"), roles.roleOf(List.of("staff", "infra-root")));
        assertEquals(Optional.of("viewer"), roles.roleOf(List.of("list-announcers", "staff")));
        assertEquals(Optional.of("announcer"), roles.roleOf(List.of("list-announcers")));
        assertEquals(Optional.empty(), roles.roleOf(List.of("everyone")));
        assertEquals(Optional.empty(), roles.roleOf(List.of()));
    }

    @Test
    void anUnknownRoleInTheMappingIsAConfigurationError() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GroupRoles(Map.of("root", List.of("x"))));
        assertEquals("planner.oidc.roles.root: not a role (one of admin, viewer, announcer)", e.getMessage());
    }
}
