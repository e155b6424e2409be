package org.upgradeplanner.web;

import static org.upgradeplanner.web.FormFields.list;
import static org.upgradeplanner.web.FormFields.stripped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upgradeplanner.calendar.CampaignCalendar;
import org.upgradeplanner.campaign.CampaignBoard;
import org.upgradeplanner.campaign.CampaignInput;
import org.upgradeplanner.campaign.CampaignScope;
import org.upgradeplanner.campaign.CampaignService;
import org.upgradeplanner.campaign.CampaignView;
import org.upgradeplanner.campaign.ItemInput;
import org.upgradeplanner.campaign.WorkItems;
import org.upgradeplanner.support.PlannerException;
import org.upgradeplanner.support.Redirects;
import org.upgradeplanner.support.Roles;

/**
 * Campaigns: the list with the form that opens one, and each campaign's board (columns by state, one-click claim,
 * unclaim, replaced and skip, filters by pool, service and person, "my work", the burn-down).
 */
@Path("/campaigns")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class CampaignPages {

    /** The new-campaign form as typed, so a refused one comes back unchanged. */
    public record CampaignForm(
            String name,
            String targets,
            String groups,
            String services,
            String hosts,
            String sprintDays,
            String deadline) {

        static final CampaignForm EMPTY = new CampaignForm("", "", "", "", "", "", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance campaigns(
                List<CampaignView> campaigns, CampaignForm form, Map<String, String> errors);

        static native TemplateInstance board(CampaignBoardView board);
    }

    private final CampaignService campaigns;
    private final CampaignBoard boards;
    private final WorkItems items;
    private final CampaignCalendar calendar;
    private final Me me;
    private final Csrf csrf;
    private final Flash flash;
    private final Refusals refusals;
    private final Clock clock;

    CampaignPages(
            CampaignService campaigns,
            CampaignBoard boards,
            WorkItems items,
            CampaignCalendar calendar,
            Me me,
            Csrf csrf,
            Flash flash,
            Refusals refusals,
            Clock clock) {
        this.campaigns = campaigns;
        this.boards = boards;
        this.items = items;
        this.calendar = calendar;
        this.me = me;
        this.csrf = csrf;
        this.flash = flash;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public TemplateInstance campaignList() {
        return Templates.campaigns(campaigns.list(), CampaignForm.EMPTY, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createCampaign(
            @FormParam(Csrf.FIELD) String token,
            @FormParam("name") String name,
            @FormParam("targets") String targets,
            @FormParam("groups") String groups,
            @FormParam("services") String services,
            @FormParam("hosts") String hosts,
            @FormParam("sprintDays") String sprintDays,
            @FormParam("deadline") String deadline) {
        csrf.verify(token);
        CampaignForm form = new CampaignForm(
                stripped(name),
                stripped(targets),
                stripped(groups),
                stripped(services),
                stripped(hosts),
                stripped(sprintDays),
                stripped(deadline));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> parsed = targets(form.targets(), errors);
        if (errors.isEmpty()) {
            try {
                CampaignView c = campaigns.create(new CampaignInput(
                        form.name(),
                        parsed,
                        new CampaignScope(list(form.groups()), list(form.services()), list(form.hosts())),
                        list(form.sprintDays()),
                        form.deadline()));
                flash.set("Campaign " + c.name() + " opened with " + c.total() + " hosts.");
                return Redirects.seeOther("/campaigns/" + c.id());
            } catch (PlannerException e) {
                Refusals.fields(e, "name")
                        .forEach(f -> errors.merge(formField(f.field()), f.message(), (a, b) -> a + "; " + b));
            }
        }
        return Refusals.page(400, Templates.campaigns(campaigns.list(), form, errors));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public TemplateInstance board(
            @PathParam("id") long id,
            @QueryParam("group") String group,
            @QueryParam("service") String service,
            @QueryParam("assignee") String assignee) {
        String person = "me".equals(stripped(assignee)) ? me.getName() : stripped(assignee);
        return Templates.board(CampaignBoardView.of(
                campaigns.get(id),
                boards.cards(id, CampaignBoard.Filter.NONE),
                new CampaignBoard.Filter(null, person, stripped(service), stripped(group)),
                me.getName(),
                boards.doneTimes(id),
                LocalDate.now(clock),
                calendar.webcal(id)));
    }

    /** The board's buttons: claim, unclaim, replaced (with an optional replacement name), skip (with a reason). */
    @POST
    @Path("{id}/items/{hostname}/{action: claim|unclaim|replaced|skip}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response itemAction(
            @PathParam("id") long id,
            @PathParam("hostname") String hostname,
            @PathParam("action") String action,
            @FormParam(Csrf.FIELD) String token,
            @FormParam("replacement") String replacement,
            @FormParam("reason") String reason,
            @FormParam("group") String group,
            @FormParam("service") String service,
            @FormParam("assignee") String assignee) {
        csrf.verify(token);
        String back = "/campaigns/" + id
                + query(new CampaignBoard.Filter(null, stripped(assignee), stripped(service), stripped(group)));
        return refusals.redirect(back, hostname, () -> {
            var item = switch (action) {
                case "claim" -> items.claim(id, hostname);
                case "unclaim" -> items.unclaim(id, hostname);
                case "replaced" -> items.replaced(id, hostname, new ItemInput(stripped(replacement), null, null));
                default -> items.skip(id, hostname, new ItemInput(null, null, stripped(reason)));
            };
            return item.hostname() + " is now " + Labels.of(item.state()).toLowerCase(java.util.Locale.ROOT)
                    + (item.note() == null ? "." : ": " + item.note());
        });
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response closeCampaign(@PathParam("id") long id, @FormParam(Csrf.FIELD) String token) {
        csrf.verify(token);
        return refusals.redirect("/campaigns/" + id, "Campaign " + id, () -> {
            CampaignView c = campaigns.close(id);
            return "Campaign " + c.name() + " closed: " + c.left() + " of " + c.total()
                    + " hosts left; the summary is among the announcements.";
        });
    }

    /** {@code ubuntu 14.04, debian 8} (or {@code ubuntu=14.04}) → distro → version. */
    static Map<String, String> targets(String typed, Map<String, String> errors) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String part : typed.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] words = part.strip().split("[\\s=:]+", 2);
            if (words.length != 2 || words[1].isBlank()) {
                errors.put("targets", "write a distro and its target version, e.g. ubuntu 14.04, not `" + part + "`");
            } else {
                targets.put(words[0], words[1].strip());
            }
        }
        if (targets.isEmpty() && !errors.containsKey("targets")) {
            errors.put("targets", "required, e.g. ubuntu 14.04");
        }
        return targets;
    }

    /** A refusal's field ({@code targets.ubuntu}, {@code scope.groups[0]}, {@code sprintDays[1]}) as the form's field. */
    private static String formField(String field) {
        String f = field.replaceAll("\\[\\d+]$", "");
        return f.startsWith("targets") ? "targets" : f.startsWith("scope.") ? f.substring(6) : f;
    }

    /** The board's filter as a query string ({@code ?group=…}), empty when nothing filters; values URL-encoded. */
    static String query(CampaignBoard.Filter f) {
        List<String> parts = new ArrayList<>();
        add(parts, "group", f.group());
        add(parts, "service", f.service());
        add(parts, "assignee", f.assignee());
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
