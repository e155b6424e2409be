package org.upgradeplanner.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which hosts a campaign takes: members of these groups (ancestors included, as inventories say), providers of these
 * services, and hosts matching these names or patterns ({@code *} any characters, e.g. {@code zm*.openstack.org}); a
 * host matching any of them is in. Empty: every host off its target. Either way only hosts of a distro the campaign
 * targets, below their target, and in no other open campaign. In JSON a scope may also be a plain string, a host query:
 * the hosts whose name contains it ({@code "zm"}), or matches it when it has a {@code *}.
 */
public record CampaignScope(List<String> groups, List<String> services, List<String> hosts) {

    public static final CampaignScope EVERY_HOST = new CampaignScope(List.of(), List.of(), List.of());

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public CampaignScope {
        groups = groups == null ? List.of() : List.copyOf(groups);
        services = services == null ? List.of() : List.copyOf(services);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /** A host query: the hosts whose name contains {@code query}, or matches it when it has a {@code *}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static CampaignScope query(String query) {
        String q = query == null ? "" : query.strip();
        return q.isEmpty()
                ? EVERY_HOST
                : new CampaignScope(List.of(), List.of(), List.of(q.contains("*") ? q : "*" + q + "*"));
    }

    public boolean everyHost() {
        return groups.isEmpty() && services.isEmpty() && hosts.isEmpty();
    }

    /** Whether a host with these names, groups and services is in scope. */
    public boolean includes(String hostname, Set<String> hostGroups, Set<String> hostServices) {
        if (everyHost()) {
            return true;
        }
        return groups.stream().anyMatch(hostGroups::contains)
                || services.stream().anyMatch(hostServices::contains)
                || hosts.stream().anyMatch(p -> matches(p, hostname));
    }

    static boolean matches(String pattern, String hostname) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if (!p.contains("*")) {
            return p.equals(hostname);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : p.split("\\*", -1)) {
            regex.append(Pattern.quote(part)).append(".*");
        }
        regex.setLength(regex.length() - 2);
        return hostname.matches(regex.toString());
    }

    /** In words, for pages and drafts. */
    public String describe() {
        if (everyHost()) {
            return "every host below its target";
        }
        StringBuilder s = new StringBuilder();
        append(s, "groups", groups);
        append(s, "services", services);
        append(s, "hosts", hosts);
        return s.toString();
    }

    private static void append(StringBuilder s, String what, List<String> values) {
        if (!values.isEmpty()) {
            s.append(s.length() == 0 ? "" : "; ").append(what).append(' ').append(String.join(", ", values));
        }
    }
}
