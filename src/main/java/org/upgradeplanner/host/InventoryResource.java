package org.upgradeplanner.host;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Roles;
import org.upgradeplanner.support.TextBody;

@Path("/api/inventory/import")
@RolesAllowed(Roles.ADMIN)
public class InventoryResource {

    private final InventoryImporter importer;

    InventoryResource(InventoryImporter importer) {
        this.importer = importer;
    }

    /**
     * Imports one Ansible YAML inventory ({@code application/yaml}), INI inventory ({@code text/plain}) or the JSON
     * {@code ansible-inventory --list} prints ({@code application/json}); all or nothing. {@code source} names what this inventory replaces. The body is
     * decoded strictly ({@link TextBody}); {@link InventoryLimits} caps what the document may hold and expand to.
     */
    @POST
    @Consumes({
        "application/yaml",
        "application/x-yaml",
        "text/yaml",
        "text/x-yaml",
        MediaType.APPLICATION_JSON,
        MediaType.TEXT_PLAIN
    })
    public ImportResult importInventory(
            byte[] body,
            @QueryParam("source") @DefaultValue("api") String source,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        String text = TextBody.decode(body, type);
        if (text.isBlank()) {
            throw PlannerException.invalid("body", "the inventory is empty");
        }
        String name = source.strip();
        if (name.isEmpty()
                || name.length() > 200
                || name.equalsIgnoreCase(Host.MANUAL)
                || name.chars().anyMatch(Character::isISOControl)) {
            throw PlannerException.invalid("source", "1 to 200 printable characters, not `" + Host.MANUAL + "`");
        }
        InventoryParser.Format format;
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            format = InventoryParser.Format.JSON;
        } else if (type != null && type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            format = InventoryParser.Format.INI;
        } else {
            format = InventoryParser.Format.YAML;
        }
        return importer.importText(
                name,
                "request body",
                format,
                text,
                strictBoolean("dryRun", uri.getQueryParameters().get("dryRun")));
    }

    /**
     * Absent, {@code true} or {@code false}, once, nothing else (not even {@code ?dryRun} with no value): a "yes" taken
     * for false would run an import that removes hosts.
     */
    static boolean strictBoolean(String name, List<String> values) {
        if (values == null) {
            return false;
        }
        String value = values.size() == 1 ? values.get(0) : String.join(",", values);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw PlannerException.invalid(name, "true or false, not `" + value + "`");
        };
    }
}
