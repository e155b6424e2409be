package org.upgradeplanner.host;

import java.util.List;

/** Entry point of inventory reading: YAML inventory files or {@code ansible-inventory --list} JSON → resolved hosts. */
public final class InventoryParser {

    public enum Format {
        YAML,
        JSON
    }

    private final InventoryResolver resolver;

    public InventoryParser(FactCache facts) {
        this.resolver = new InventoryResolver(facts);
    }

    /** All hosts of one inventory; {@code file} names it in error messages. */
    public List<InventoryHost> parse(String file, Format format, String content) throws InventoryException {
        InventoryModel model = format == Format.JSON
                ? JsonInventoryReader.read(file, file, content)
                : YamlInventoryReader.read(file, file, content);
        if (!model.errors.isEmpty()) {
            throw new InventoryException(model.errors);
        }
        return resolver.resolve(model);
    }
}
