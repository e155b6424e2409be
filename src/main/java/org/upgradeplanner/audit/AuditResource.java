package org.upgradeplanner.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.support.Accounts;

@Path("/api/audit")
@RolesAllowed(Accounts.ADMIN)
public class AuditResource {

    public record AuditView(long id, Instant at, String actor, String action, String subjectType, String subject,
                            String before, String after, String detail) {
        static AuditView from(AuditEntry e) {
            return new AuditView(e.id, e.at, e.actor, e.action, e.subjectType, e.subject, e.before, e.after, e.detail);
        }
    }

    public record AuditPage(List<AuditView> items, long total) {
    }

    /** Newest first; every filter is optional and exact. */
    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage list(@QueryParam("subjectType") String subjectType, @QueryParam("subject") String subject,
                          @QueryParam("actor") String actor, @QueryParam("action") String action,
                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        filter(where, params, "subjectType", subjectType);
        filter(where, params, "subject", subject);
        filter(where, params, "actor", actor);
        filter(where, params, "action", action);
        PanacheQuery<AuditEntry> q = where.isEmpty()
                ? AuditEntry.findAll(Sort.descending("at", "id"))
                : AuditEntry.find(String.join(" and ", where), Sort.descending("at", "id"), params);
        return new AuditPage(q.page(Page.of(page, size)).list().stream().map(AuditView::from).toList(), q.count());
    }

    private static void filter(List<String> where, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            where.add(field + " = :" + field);
            params.put(field, value.trim());
        }
    }
}
