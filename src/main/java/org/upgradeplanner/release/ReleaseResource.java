package org.upgradeplanner.release;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.upgradeplanner.support.Roles;

@Path("/api/releases")
@RolesAllowed(Roles.ADMIN)
public class ReleaseResource {

    public record ReleaseView(
            String distro,
            String version,
            String codename,
            boolean lts,
            LocalDate released,
            LocalDate eol,
            LocalDate eolExtended) {
        static ReleaseView from(Release r) {
            return new ReleaseView(
                    r.distro(), r.version(), r.codename(), r.lts(), r.released(), r.eol(), r.eolExtended());
        }
    }

    private final ReleaseService releases;

    ReleaseResource(ReleaseService releases) {
        this.releases = releases;
    }

    /** Every release in the catalog, oldest first per distro; {@code distro} narrows it to one distro. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER})
    public List<ReleaseView> list(@QueryParam("distro") String distro) {
        return releases.catalog().all().stream()
                .filter(r -> distro == null || r.distro().equalsIgnoreCase(distro))
                .map(ReleaseView::from)
                .toList();
    }
}
