package org.upgradeplanner.host;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.upgradeplanner.classification.Classification;
import org.upgradeplanner.support.PlannerException;

/**
 * The filters of the host list, checked and turned into a query with bound parameters.
 * {@code release} is {@code distro-version} (e.g. {@code ubuntu-12.04}) or {@code unknown}.
 */
public record HostFilter(
        Classification classification,
        String distro,
        String version,
        boolean unknownOs,
        String service,
        String group,
        String text,
        String sortField,
        boolean descending) {

    private static final Map<String, List<String>> SORTS = Map.of(
            "hostname", List.of("hostname"),
            "release", List.of("distro", "osVersion", "hostname"),
            "classification", List.of("classification", "hostname"),
            "eol", List.of("eol", "hostname"));

    public static HostFilter of(
            String classification, String release, String service, String group, String q, String sort) {
        Classification c = null;
        if (classification != null && !classification.isBlank()) {
            try {
                c = Classification.valueOf(classification.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw PlannerException.invalid(
                        "classification", "one of TRIVIAL, OUTAGE_REQUIRED, UP_TO_DATE, UNKNOWN");
            }
        }
        String distro = null;
        String version = null;
        boolean unknown = false;
        if (release != null && !release.isBlank()) {
            String r = release.trim().toLowerCase(Locale.ROOT);
            Matcher m = Names.OS.matcher(r);
            if (r.equals("unknown")) {
                unknown = true;
            } else if (m.matches()) {
                distro = m.group(1);
                version = m.group(m.groupCount());
            } else {
                throw PlannerException.invalid("release", "a release such as ubuntu-12.04, or `unknown`");
            }
        }
        String field = "hostname";
        boolean desc = false;
        if (sort != null && !sort.isBlank()) {
            String s = sort.trim();
            desc = s.startsWith("-");
            field = desc ? s.substring(1) : s;
            if (!SORTS.containsKey(field)) {
                throw PlannerException.invalid(
                        "sort", "one of hostname, release, classification, eol (prefix - for descending)");
            }
        }
        return new HostFilter(
                c, distro, version, unknown, blankToNull(service), blankToNull(group), blankToNull(q), field, desc);
    }

    String where() {
        List<String> where = new ArrayList<>();
        where.add("1 = 1");
        if (classification != null) {
            where.add("coalesce(overrideClassification, classification) = :classification");
        }
        if (unknownOs) {
            where.add("distro is null");
        }
        if (distro != null) {
            where.add("distro = :distro and osVersion = :version");
        }
        if (service != null) {
            where.add(":service member of services");
        }
        if (group != null) {
            where.add(":group member of groups");
        }
        if (text != null) {
            where.add("hostname like :text escape '!'");
        }
        return String.join(" and ", where);
    }

    Parameters parameters() {
        Parameters p = new Parameters();
        if (classification != null) {
            p.and("classification", classification);
        }
        if (distro != null) {
            p.and("distro", distro).and("version", version);
        }
        if (service != null) {
            p.and("service", service);
        }
        if (group != null) {
            p.and("group", group);
        }
        if (text != null) {
            String escaped = text.toLowerCase(Locale.ROOT)
                    .replace("!", "!!")
                    .replace("%", "!%")
                    .replace("_", "!_");
            p.and("text", "%" + escaped + "%");
        }
        return p;
    }

    /** Written out rather than a Panache {@code Sort}, which drops NULLS LAST on a descending column. */
    String orderBy() {
        List<String> columns = SORTS.get(sortField);
        // Unknown values (no OS, no EOL) go last either way.
        StringBuilder order = new StringBuilder(" order by ")
                .append(columns.get(0))
                .append(descending ? " desc" : " asc")
                .append(" nulls last");
        columns.stream().skip(1).forEach(c -> order.append(", ").append(c).append(" asc nulls last"));
        return order.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
