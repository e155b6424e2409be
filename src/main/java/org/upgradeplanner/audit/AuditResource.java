package org.upgradeplanner.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import org.upgradeplanner.support.Roles;

@Path("/api/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    public record AuditView(
            long id,
            Instant at,
            String actor,
            String actorName,
            String actorSubject,
            String action,
            String subjectType,
            String subject,
            String before,
            String after,
            String detail) {
        static AuditView from(AuditEntry e) {
            return new AuditView(
                    e.id,
                    e.at,
                    e.actor,
                    e.actorName,
                    e.actorSubject,
                    e.action,
                    e.subjectType,
                    e.subject,
                    e.before,
                    e.after,
                    e.detail);
        }
    }

    public record AuditPage(List<AuditView> items, long total) {}

    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    /** Newest first; every filter is optional and exact. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public AuditPage list(
            @QueryParam("subjectType") String subjectType,
            @QueryParam("subject") String subject,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.search(subjectType, subject, actor, action, page, size);
    }
}
