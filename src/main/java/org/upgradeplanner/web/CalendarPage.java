package org.upgradeplanner.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.upgradeplanner.support.Roles;
import org.upgradeplanner.window.WindowQueries;
import org.upgradeplanner.window.WindowState;
import org.upgradeplanner.window.WindowView;

/** The windows of a month as a calendar, drafts included for review (the public feeds are {@code calendar/}'s). */
@Path("/windows/calendar")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class CalendarPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(String user, MonthView month);
    }

    private final WindowQueries windows;
    private final SecurityIdentity identity;
    private final Clock clock;

    CalendarPage(WindowQueries windows, SecurityIdentity identity, Clock clock) {
        this.windows = windows;
        this.identity = identity;
        this.clock = clock;
    }

    /** The month {@code 2027-03}; this month by default, or when the one asked for is none. */
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    @GET
    public TemplateInstance calendar(@QueryParam("month") String month) {
        LocalDate today = LocalDate.now(clock);
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            m = YearMonth.from(today);
        }
        Instant from = m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<WindowView> shown = windows.list(null, null, null, from, to).stream()
                .filter(w -> w.state() != WindowState.CANCELLED)
                .toList();
        return Templates.calendar(identity.getPrincipal().getName(), MonthView.of(m, shown, today));
    }
}
