package org.upgradeplanner.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Ansible's {@code jsonfile} fact cache: one JSON file per host, named by hostname. Only the OS is read from it,
 * for hosts whose inventory has no {@code os} variable.
 */
public final class FactCache {

    /** Ansible's distribution names → the catalog's distro names, where they differ. */
    private static final Map<String, String> DISTROS = Map.of("redhat", "rhel", "red hat enterprise linux", "rhel");

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Os(String distro, String version) {}

    private final Path dir;

    public FactCache(Path dir) {
        this.dir = dir;
    }

    public static FactCache none() {
        return new FactCache(null);
    }

    /** The OS the cached facts report, if a facts file exists and names one. */
    public Optional<Os> os(String hostname) throws IOException {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(hostname);
        if (!file.normalize().startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode facts;
        try {
            facts = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("facts/" + hostname + " is not valid JSON: " + e.getMessage(), e);
        }
        JsonNode f = facts.has("ansible_facts") ? facts.get("ansible_facts") : facts;
        String distro = f.path("ansible_distribution").asText("");
        String version = f.path("ansible_distribution_version").asText("");
        if (distro.isBlank() || version.isBlank()) {
            return Optional.empty();
        }
        String name = distro.trim().toLowerCase(Locale.ROOT);
        return Optional.of(new Os(DISTROS.getOrDefault(name, name.replace(' ', '-')), version.trim()));
    }

    public String where(String hostname) {
        return "facts/" + hostname;
    }
}
