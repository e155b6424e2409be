package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.upgradeplanner.host.ImportResult;
import org.upgradeplanner.host.InventoryImporter;
import org.upgradeplanner.host.InventoryParser;
import org.upgradeplanner.support.Accounts;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;

/** Upload an inventory, see what it would change (dry run), then apply it. */
@Path("/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Accounts.ADMIN)
public class ImportPages {

    /** The dry run's answer, with the inventory to apply carried in the confirmation form. */
    public record Preview(String source, String fileName, String inventory, ImportResult result) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String user, String source, List<FieldError> errors);

        static native TemplateInstance preview(String user, Preview preview);
    }

    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private final InventoryImporter importer;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final Flash flash;

    ImportPages(InventoryImporter importer, SecurityIdentity identity, Csrf csrf, Flash flash) {
        this.importer = importer;
        this.identity = identity;
        this.csrf = csrf;
        this.flash = flash;
    }

    @GET
    public TemplateInstance form() {
        return Templates.upload(user(), "ui", List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestForm("csrf-token") String token, @RestForm("source") String source, @RestForm("file") FileUpload file) {
        csrf.verify(token);
        String name = source == null || source.isBlank() ? "ui" : source.strip();
        if (file == null || file.size() == 0) {
            return refused(name, List.of(new FieldError("file", "choose an inventory file (YAML, or the JSON of ansible-inventory --list)")));
        }
        if (file.size() > MAX_BYTES) {
            return refused(name, List.of(new FieldError("file", "at most 20 MB")));
        }
        String text;
        try {
            text = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return refused(name, List.of(new FieldError("file", "cannot read the file as UTF-8 text")));
        }
        try {
            ImportResult result = importer.importText(name, file.fileName(), format(file.fileName()), text, true);
            return Response.ok(Templates.preview(user(), new Preview(name, file.fileName(), text, result))).build();
        } catch (PlannerException e) {
            return refused(name, e.errors().isEmpty() ? List.of(new FieldError("file", e.getMessage())) : e.errors());
        }
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(@RestForm("csrf-token") String token, @RestForm("source") String source, @RestForm("fileName") String fileName,
                          @RestForm("inventory") String inventory) {
        csrf.verify(token);
        try {
            ImportResult r = importer.importText(source, fileName, format(fileName), inventory == null ? "" : inventory, false);
            flash.set("Imported " + fileName + " as source " + r.source() + ": " + r.added() + " added, " + r.updated() + " updated, "
                    + r.unchanged() + " unchanged, " + r.removed() + " removed.");
            return Response.seeOther(URI.create("/hosts")).build();
        } catch (PlannerException e) {
            return refused(source, e.errors().isEmpty() ? List.of(new FieldError("file", e.getMessage())) : e.errors());
        }
    }

    private Response refused(String source, List<FieldError> errors) {
        return Response.status(400).entity(Templates.upload(user(), source, errors)).type(MediaType.TEXT_HTML).build();
    }

    private static InventoryParser.Format format(String fileName) {
        return fileName != null && fileName.toLowerCase().endsWith(".json") ? InventoryParser.Format.JSON : InventoryParser.Format.YAML;
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
