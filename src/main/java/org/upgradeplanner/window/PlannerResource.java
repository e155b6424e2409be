package org.upgradeplanner.window;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.upgradeplanner.support.Roles;

@Path("/api/planner")
@RolesAllowed(Roles.ADMIN)
public class PlannerResource {

    private final PlannerService planner;

    PlannerResource(PlannerService planner) {
        this.planner = planner;
    }

    /** New DRAFT windows covering every outage-required host not yet in a window, each within the policy. */
    @POST
    @Path("proposals")
    public List<WindowView> propose() {
        return planner.propose();
    }
}
