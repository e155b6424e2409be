package org.upgradeplanner.account;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.upgradeplanner.support.Roles;

/**
 * The role a single sign-on person gets from their groups, as {@code planner.oidc.roles.<role>=<group>,…} maps them:
 * the strongest role any of their groups grants (admin, then viewer, then announcer); none when no group is mapped.
 */
public final class GroupRoles {

    private final Map<String, List<String>> groupsByRole;

    public GroupRoles(Map<String, List<String>> groupsByRole) {
        for (String role : groupsByRole.keySet()) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalArgumentException(
                        "planner.oidc.roles." + role + ": not a role (one of " + String.join(", ", Roles.ALL) + ")");
            }
        }
        this.groupsByRole = Map.copyOf(groupsByRole);
    }

    public Optional<String> roleOf(Collection<String> groups) {
        return Roles.ALL.stream()
                .filter(role ->
                        groupsByRole.getOrDefault(role, List.of()).stream().anyMatch(groups::contains))
                .findFirst();
    }
}
