package cn.org.kczg.teams.review.eligibility;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility and quota (Art. 5, 8)")
public class EligibilityResource {
    @Inject
    EligibilityService service;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("/{creditCode}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    public EligibilityView get(@PathParam("creditCode") String creditCode) {
        return service.find(caller.get(), creditCode).orElseThrow(() -> ProblemException.notFound(
                "No lead unit with credit code " + creditCode + " is known to the review."));
    }
}
