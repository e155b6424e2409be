package org.upgradeplanner.window;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Roles;
import org.upgradeplanner.support.TextBody;

@Path("/api/policy")
@RolesAllowed(Roles.ADMIN)
public class PolicyResource {

    public record PolicyView(
            Duration minimumNotice,
            List<Duration> reminders,
            String slotRule,
            String slotZone,
            Duration slotDuration,
            int maxConcurrentWindows,
            int maxHostsPerWindow,
            List<SchedulingPolicy.Freeze> freezes) {}

    public record FreezeImport(String source, int freezes, List<SchedulingPolicy.Freeze> periods) {}

    private final PolicyService policies;
    private final FreezeService freezes;

    PolicyResource(PolicyService policies, FreezeService freezes) {
        this.policies = policies;
        this.freezes = freezes;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public PolicyView get() {
        SchedulingPolicy p = policies.current();
        var s = policies.settings();
        return new PolicyView(
                p.minimumNotice(),
                p.reminders(),
                s.slot().rrule(),
                s.slot().zone().getId(),
                p.slotDuration(),
                p.maxConcurrentWindows(),
                p.maxHostsPerWindow(),
                p.freezes());
    }

    /**
     * Imports freeze periods from an iCalendar file ({@code text/calendar}): every event, recurrences expanded from a year
     * back to five years ahead. Replaces the periods an earlier import of the same {@code source} brought. A calendar
     * over the limits {@link FreezeCalendar} lists is refused whole, naming the event.
     */
    @POST
    @Path("freezes")
    @Consumes({"text/calendar", MediaType.TEXT_PLAIN})
    public FreezeImport importFreezes(
            byte[] body, @QueryParam("source") @DefaultValue("ics") String source, @Context HttpHeaders headers) {
        String ics = TextBody.decode(body, headers.getMediaType());
        if (ics.isBlank()) {
            throw PlannerException.invalid("body", "an iCalendar file is required");
        }
        if (source.isBlank() || source.length() > 200 || source.chars().anyMatch(Character::isISOControl)) {
            throw PlannerException.invalid("source", "1 to 200 printable characters");
        }
        List<SchedulingPolicy.Freeze> periods = freezes.replace(source.trim(), ics);
        return new FreezeImport(source.trim(), periods.size(), periods);
    }

    @DELETE
    @Path("freezes")
    public FreezeImport deleteFreezes(@QueryParam("source") @DefaultValue("ics") String source) {
        return new FreezeImport(source, freezes.delete(source), List.of());
    }
}
