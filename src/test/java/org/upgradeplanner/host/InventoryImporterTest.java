package org.upgradeplanner.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of the inventory folder the start-up import reads (plain: the folder walk, not the import). */
class InventoryImporterTest {

    @TempDir
    Path dir;

    @Test
    void theFolderYieldsYamlIniAndExtensionlessFilesOnly() throws Exception {
        for (String f : List.of(
                "a.yaml", "b.yml", "c.ini", "hosts", "README.md", "list.json", "old.yaml.orig", "d.yaml~", ".hidden")) {
            Files.writeString(dir.resolve(f), "all:\n");
        }
        Files.createDirectory(dir.resolve("facts"));
        Files.createDirectory(dir.resolve("group_vars"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(
                    List.of("a.yaml", "b.yml", "c.ini", "hosts"),
                    s.filter(InventoryImporter::isInventoryFile)
                            .map(p -> p.getFileName().toString())
                            .sorted()
                            .toList());
        }
    }
}
