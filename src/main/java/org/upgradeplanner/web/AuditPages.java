package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.upgradeplanner.audit.AuditLog;
import org.upgradeplanner.audit.AuditResource;
import org.upgradeplanner.support.Roles;

/** The audit log, filtered and paged. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AuditPages {

    public record Filters(String subjectType, String subject, String actor, String action, int page) {}

    /** One entry as the page shows it: its snapshots as the fields that changed. */
    public record Row(AuditResource.AuditView entry, List<AuditChanges.Change> changes) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(String user, Filters filters, long total, List<Row> rows, boolean more);
    }

    private static final int SIZE = 100;

    private final AuditLog audit;
    private final SecurityIdentity identity;

    AuditPages(AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @GET
    public TemplateInstance list(
            @QueryParam("subjectType") @DefaultValue("") String subjectType,
            @QueryParam("subject") @DefaultValue("") String subject,
            @QueryParam("actor") @DefaultValue("") String actor,
            @QueryParam("action") @DefaultValue("") String action,
            @QueryParam("page") @DefaultValue("0") int page) {
        int p = Math.max(0, Math.min(page, 100_000));
        AuditResource.AuditPage entries = audit.search(subjectType, subject, actor, action, p, SIZE);
        return Templates.audit(
                identity.getPrincipal().getName(),
                new Filters(subjectType, subject, actor, action, p),
                entries.total(),
                entries.items().stream()
                        .map(e -> new Row(e, AuditChanges.of(e.before(), e.after())))
                        .toList(),
                (long) (p + 1) * SIZE < entries.total());
    }
}
