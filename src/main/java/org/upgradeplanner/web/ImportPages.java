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
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.upgradeplanner.host.ImportResult;
import org.upgradeplanner.host.InventoryImporter;
import org.upgradeplanner.host.InventoryParser;
import org.upgradeplanner.host.PendingImports;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Problem.FieldError;
import org.upgradeplanner.support.Redirects;
import org.upgradeplanner.support.Roles;
import org.upgradeplanner.support.TextBody;

/**
 * Upload an inventory, see what it would change (dry run), then apply it. The upload waits server-side between the
 * two ({@link PendingImports}); the apply form carries only its id and digest, and a preview the fleet has moved on
 * from since is shown again, not applied.
 */
@Path("/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class ImportPages {

    /** The dry run's answer, for the pending upload {@code id}; at most {@link #SHOWN} changes are listed. */
    public record Preview(
            String source, String fileName, String id, String digest, ImportResult result, String notice) {
        public List<ImportResult.Change> shownChanges() {
            return result.changes().subList(0, Math.min(result.changes().size(), SHOWN));
        }

        public int moreChanges() {
            return result.changes().size() - shownChanges().size();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String user, String source, List<FieldError> errors);

        static native TemplateInstance preview(String user, Preview preview);
    }

    /** The largest inventory file an upload takes (the request limit, {@code quarkus.http.limits.max-body-size}, is above it). */
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private static final int SHOWN = 500;

    private final InventoryImporter importer;
    private final PendingImports pending;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final Flash flash;

    ImportPages(InventoryImporter importer, PendingImports pending, SecurityIdentity identity, Csrf csrf, Flash flash) {
        this.importer = importer;
        this.pending = pending;
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
    public Response preview(
            @RestForm("csrf-token") String token,
            @RestForm("source") String source,
            @RestForm("file") FileUpload file) {
        csrf.verify(token);
        String name = source == null || source.isBlank() ? "ui" : source.strip();
        if (file == null || file.size() == 0) {
            return refused(
                    name,
                    List.of(new FieldError(
                            "file", "choose an inventory file (YAML, INI, or the JSON of ansible-inventory --list)")));
        }
        if (file.size() > MAX_BYTES) {
            return refused(name, List.of(new FieldError("file", "at most 20 MB")));
        }
        try {
            String text = TextBody.decode(Files.readAllBytes(file.uploadedFile()), MediaType.TEXT_PLAIN_TYPE);
            ImportResult result = importer.importText(name, file.fileName(), format(file.fileName(), text), text, true);
            PendingImports.Pending p = pending.save(name, file.fileName(), text, user());
            return Response.ok(Templates.preview(
                            user(), new Preview(name, p.fileName(), p.id(), p.digest(), result, null)))
                    .build();
        } catch (PlannerException e) {
            return refused(name, Refusals.fields(e, "file"));
        } catch (IOException e) {
            return refused(name, List.of(new FieldError("file", "the upload could not be read: try again")));
        }
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(
            @RestForm("csrf-token") String token, @RestForm("id") String id, @RestForm("digest") String digest) {
        csrf.verify(token);
        PendingImports.Pending p = pending.find(id, digest).orElse(null);
        if (p == null) {
            return Refusals.page(
                    409,
                    Templates.upload(
                            user(),
                            "ui",
                            List.of(new FieldError(
                                    "file",
                                    "this preview has expired (after " + PendingImports.LIFETIME.toMinutes()
                                            + " minutes) or was applied already:"
                                            + " upload the file again to see what it changes now"))));
        }
        try {
            if (!p.fleetFingerprint().equals(pending.fingerprint())) {
                // Someone changed the fleet since this preview: show what applying would do now, apply nothing yet.
                ImportResult now = importer.importText(
                        p.source(), p.fileName(), format(p.fileName(), p.content()), p.content(), true);
                PendingImports.Pending fresh = pending.refresh(p);
                return Refusals.page(
                        409,
                        Templates.preview(
                                user(),
                                new Preview(
                                        p.source(),
                                        p.fileName(),
                                        fresh.id(),
                                        fresh.digest(),
                                        now,
                                        "The fleet changed since your preview (another import or an edit):"
                                                + " this is what applying the file would do now.")));
            }
            ImportResult r = importer.importText(
                    p.source(), p.fileName(), format(p.fileName(), p.content()), p.content(), false);
            pending.delete(p.id());
            flash.set("Imported " + p.fileName() + " as source " + r.source() + ": " + r.added() + " added, "
                    + r.updated() + " updated, " + r.unchanged() + " unchanged, " + r.removed() + " removed.");
            return Redirects.seeOther("/hosts");
        } catch (PlannerException e) {
            return refused(p.source(), Refusals.fields(e, "file"));
        }
    }

    private Response refused(String source, List<FieldError> errors) {
        return Refusals.page(400, Templates.upload(user(), source, errors));
    }

    /**
     * By the file's name ({@code .json}, {@code .yaml}/{@code .yml}, {@code .ini}); with no extension or another one
     * ({@code hosts}, {@code hosts.txt}), by its first line: YAML if it is a mapping key such as {@code all:}, INI
     * otherwise.
     */
    private static InventoryParser.Format format(String fileName, String text) {
        InventoryParser.Format f = InventoryParser.byName(fileName, text);
        return f != null ? f : InventoryParser.sniff(text);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
