package cn.org.kczg.teams.review.eligibility;

import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lead unit eligibility", description = "What a lead unit may do now: whether its Art. 5 category may "
        + "lead a team, its Art. 8 quota and how much of it is used, and any Art. 20 ban in force.")
public class EligibilityResource {
    @Inject
    EligibilityService service;
    @Inject
    CurrentCaller caller;

    @GET
    @Path("/{creditCode}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getLeadUnitEligibility", summary = "Get a lead unit's eligibility and quota",
            description = "Whether the lead unit's category may lead a team (Art. 5), its quota for this year and the "
                    + "slots its live teams and applications under review use (Art. 8), and the ban in force (Art. "
                    + "20), if any. A lead unit may ask only about itself.")
    @APIResponse(responseCode = "200", description = "The lead unit's eligibility, quota and ban.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = EligibilityView.class)))
    @APIResponse(responseCode = "404", description = "No lead unit with this credit code is known to the review (or it "
            + "is not yours; code `not-found`).")
    public EligibilityView get(@Parameter(description = "The lead unit's unified social credit code (统一社会信用代码).",
            example = "511000005000123452") @PathParam("creditCode") String creditCode) {
        return service.find(caller.get(), creditCode).orElseThrow(() -> ProblemException.notFound(
                Text.of("eligibility.not-found", creditCode)));
    }
}
