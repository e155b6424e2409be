package org.upgradeplanner.host;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.upgradeplanner.support.PlannerConfig;
import org.upgradeplanner.support.PlannerException;

/**
 * Parses inventories (outside any transaction) and hands the hosts to {@link InventoryImport}. At start-up, imports the
 * inventory folder when the database holds no hosts, one source per file, and classifies the fleet again.
 */
@ApplicationScoped
public class InventoryImporter {

    private static final Logger LOG = Logger.getLogger(InventoryImporter.class);

    private final InventoryImport imports;
    private final HostQueries hosts;
    private final HostClassification classification;
    private final PlannerConfig config;

    InventoryImporter(
            InventoryImport imports, HostQueries hosts, HostClassification classification, PlannerConfig config) {
        this.imports = imports;
        this.hosts = hosts;
        this.classification = classification;
        this.config = config;
    }

    public ImportResult importText(
            String source, String file, InventoryParser.Format format, String text, boolean dryRun) {
        long t0 = System.nanoTime();
        List<InventoryHost> parsed;
        try {
            parsed = parser().parse(file, format, text);
        } catch (InventoryException e) {
            throw PlannerException.invalid(
                    "The inventory is malformed: " + e.getMessage(),
                    e.errors().subList(0, Math.min(e.errors().size(), 100)));
        }
        long t1 = System.nanoTime();
        ImportResult result = imports.importHosts(source, parsed, dryRun);
        LOG.infof(
                "Import%s of %s: %d added, %d updated, %d unchanged, %d removed in %d ms (parse %d ms, compare, classify and write %d ms)",
                dryRun ? " (dry run)" : "",
                source,
                result.added(),
                result.updated(),
                result.unchanged(),
                result.removed(),
                (System.nanoTime() - t0) / 1_000_000,
                (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000);
        return result;
    }

    void onStart(@Observes StartupEvent event) {
        if (hosts.count() > 0) {
            int changed = classification.reclassifyAll();
            LOG.infof("Fleet classified again at start-up: %d host(s) changed class", changed);
            return;
        }
        Path dir = config.inventory().path();
        if (!Files.isDirectory(dir)) {
            LOG.infof("No inventory folder at %s: starting with an empty fleet", dir.toAbsolutePath());
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(InventoryImporter::isInventoryFile).sorted().toList();
        } catch (IOException e) {
            LOG.errorf("Cannot list inventory folder %s: %s", dir, e.getMessage());
            return;
        }
        List<ImportResult> results = new ArrayList<>();
        for (Path file : files) {
            String source = file.toString();
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString();
                results.add(importText(source, name, InventoryParser.byName(name, text), text, false));
            } catch (IOException | RuntimeException e) {
                // e.g. another replica imported the same hosts first: its import stands, this one is rolled back
                String details = e instanceof PlannerException p ? p.errors().toString() : "";
                LOG.errorf(
                        "Start-up import of %s failed, nothing imported from it: %s %s", file, e.getMessage(), details);
            }
        }
        LOG.infof(
                "Imported %d host(s) from %d inventory file(s) in %s",
                results.stream().mapToInt(ImportResult::added).sum(), results.size(), dir);
    }

    /**
     * The files of the folder that are inventories: {@code *.yaml}, {@code *.yml}, {@code *.ini}, and files with no
     * extension (YAML or INI by their first line, {@link InventoryParser#sniff}). As Ansible does with a folder, hidden
     * files and sub-folders ({@code facts/}, {@code group_vars/}) are not inventories, nor is anything else
     * ({@code README.md}, {@code *.json}, {@code *.orig}). Unlike Ansible, which skips {@code *.ini} in a folder by
     * default ({@code INVENTORY_IGNORE_EXTS}), {@code *.ini} files are read.
     */
    static boolean isInventoryFile(Path p) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || !Files.isRegularFile(p)) {
            return false;
        }
        // The file name decides, as on the upload page; a name with no extension is sniffed, so never null.
        InventoryParser.Format format = InventoryParser.byName(name, "");
        boolean inventory = format != null && format != InventoryParser.Format.JSON && !name.endsWith("~");
        if (!inventory) {
            LOG.debugf("Not an inventory file, skipped: %s", p);
        }
        return inventory;
    }

    private InventoryParser parser() {
        return new InventoryParser(new FactCache(config.inventory().path().resolve("facts")));
    }
}
