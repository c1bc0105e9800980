package cn.org.kczg.teams.registration.team;

import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.kit.export.TableExport;
import cn.org.kczg.teams.kit.export.TableFormat;
import cn.org.kczg.teams.kit.paging.Page;
import cn.org.kczg.teams.kit.paging.PageRequest;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.kit.web.RequiredReason;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.registration.team.TeamDtos.HandlerChange;
import cn.org.kczg.teams.registration.team.TeamDtos.MembersChange;
import cn.org.kczg.teams.registration.team.TeamDtos.PartnersChange;
import cn.org.kczg.teams.registration.team.TeamDtos.TeamView;
import cn.org.kczg.teams.registration.team.TeamService.TeamFilter;
import cn.org.kczg.teams.kit.privacy.PersonalDataRead;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service teams", description = "Art. 7, 12, 17, 20: the 科创中国 service teams (科技服务团) an approval made: "
        + "their members and demand-hall handler, kept up to date by the lead unit, and their status, which an operator "
        + "suspends, reinstates or revokes (Art. 17) and the annual assessment may disqualify (Art. 20).")
public class TeamResource {
    private static final String ID = "The team's id.";
    static final Map<String, String> SORTABLE = Map.of("name", "name", "activatedAt", "activatedAt", "year", "year");

    @Inject
    TeamService service;
    @Inject
    CurrentCaller caller;

    @GET
    @PersonalDataRead(type = "team")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "listTeams", summary = "List service teams",
            description = "Service teams page by page with their contacts, filtered by status, category, pilot city, "
                    + "lead unit, year and a keyword; a lead unit sees its own teams and a handler the teams it "
                    + "serves. Sortable by name, activatedAt and year (default activatedAt,desc). Operators and "
                    + "auditors may ask for the whole list as a file with `Accept: text/csv` or `Accept: "
                    + TableFormat.XLSX_TYPE + "` (the same filters).")
    public Page<TeamView> list(
            @Parameter(description = "Only teams in this status.", schema = @Schema(implementation = TeamStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only teams offering this Art. 11 service category.",
                    schema = @Schema(implementation = ServiceCategory.class)) @QueryParam("category") String category,
            @Parameter(description = "Only teams serving this pilot city or park (exact name).", example = "苏州市")
            @QueryParam("pilotCity") String pilotCity,
            @Parameter(description = "Only teams of this lead unit (its unified social credit code).")
            @QueryParam("leadUnit") String leadUnit,
            @Parameter(description = "Only teams approved in this registration year.") @QueryParam("year") Integer year,
            @Parameter(description = "A keyword found in the team name, the lead unit's name or the service content.")
            @QueryParam("q") String q,
            @Parameter(description = "The page number, from 0.") @QueryParam("page") Integer page,
            @Parameter(description = "The page size (default 20, at most 100).") @QueryParam("size") Integer size,
            @Parameter(description = "field,direction: name, activatedAt or year; asc or desc.")
            @QueryParam("sort") String sort) {
        return service.list(caller.get(), filter(status, category, pilotCity, leadUnit, year, q),
                PageRequest.of(page, size, sort, SORTABLE, "activatedAt,desc"));
    }

    /** {@code GET /api/v1/teams} with {@code Accept: text/csv} or XLSX: every matching team, as a file. */
    @GET
    @Path("/export")
    @Produces({TableFormat.CSV_TYPE, TableFormat.XLSX_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(hidden = true)
    public Response export(@QueryParam("status") String status, @QueryParam("category") String category,
            @QueryParam("pilotCity") String pilotCity, @QueryParam("leadUnit") String leadUnit,
            @QueryParam("year") Integer year, @QueryParam("q") String q, @HeaderParam("Accept") String accept) {
        TeamFilter filter = filter(status, category, pilotCity, leadUnit, year, q);
        var who = caller.get();
        return TableExport.of(TableFormat.accepted(accept).orElse(TableFormat.CSV), "科技服务团", TeamExport.COLUMNS,
                () -> service.all(who, filter));
    }

    static TeamFilter filter(String status, String category, String pilotCity, String leadUnit, Integer year,
            String q) {
        ServiceCategory c = QueryParams.enumValue(ServiceCategory.class, "category", category);
        return new TeamFilter(QueryParams.enumValue(TeamStatus.class, "status", status),
                c == null ? null : c.name(), pilotCity, leadUnit, year, q);
    }

    @GET
    @PersonalDataRead(type = "team")
    @Path("/{id}")
    @RolesAllowed({Roles.LEAD_UNIT, Roles.HANDLER, Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(operationId = "getTeam", summary = "Read a service team",
            description = "One service team with its members, partner units and demand-hall handler.")
    @APIResponse(responseCode = "404", description = "No such team (or not yours).")
    @APIResponse(responseCode = "200", description = "The team.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)))
    public TeamView get(@Parameter(description = ID) @PathParam("id") UUID id) {
        return service.find(caller.get(), id).orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "suspendTeam", summary = "Suspend a service team",
            description = "Suspends an ACTIVE team (Art. 17) with a required reason kept in its history; it stays live "
                    + "and keeps its name.")
    @APIResponse(responseCode = "404", description = "No such team.")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the team is not ACTIVE.")
    @APIResponse(responseCode = "200", description = "The team, now SUSPENDED.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)))
    @PersonalDataRead(type = "team")
    public TeamView suspend(@Parameter(description = ID) @PathParam("id") UUID id, @NotNull @Valid RequiredReason change) {
        return service.changeStatus(caller.get(), id, TeamStatus.SUSPENDED, change.reason())
                .orElseThrow(() -> notFound(id));
    }

    @POST
    @Path("/{id}/reinstate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "reinstateTeam", summary = "Reinstate a suspended service team",
            description = "Makes a SUSPENDED team ACTIVE again, with a required reason kept in its history.")
    @APIResponse(responseCode = "404", description = "No such team.")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the team is not SUSPENDED.")
    @APIResponse(responseCode = "200", description = "The team, ACTIVE again.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)))
    @PersonalDataRead(type = "team")
    public TeamView reinstate(@Parameter(description = ID) @PathParam("id") UUID id, @NotNull @Valid RequiredReason change) {
        return service.changeStatus(caller.get(), id, TeamStatus.ACTIVE, change.reason())
                .orElseThrow(() -> notFound(id));
    }

    /** Art. 17: revocation of the qualification; the reason is required and kept. */
    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "revokeTeam", summary = "Revoke a service team's qualification",
            description = "Revokes the qualification of a live team (Art. 17) with a required reason kept in its "
                    + "history; the team is no longer live and its name is freed.")
    @APIResponse(responseCode = "404", description = "No such team.")
    @APIResponse(responseCode = "409", description = "Conflict: `illegal-transition` when the team is already REVOKED "
            + "or DISQUALIFIED.")
    @APIResponse(responseCode = "200", description = "The team, now REVOKED.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)))
    @PersonalDataRead(type = "team")
    public TeamView revoke(@Parameter(description = ID) @PathParam("id") UUID id, @NotNull @Valid RequiredReason change) {
        return service.changeStatus(caller.get(), id, TeamStatus.REVOKED, change.reason())
                .orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}/handler")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "changeTeamHandler", summary = "Change a team's demand-hall handler",
            description = "Names the person who answers the demand hall for a live team (Art. 12) and their deputies, "
                    + "replacing the previous handler.")
    @APIResponse(responseCode = "404", description = "No such team (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `team-not-live` when the team was revoked or "
            + "disqualified.")
    @APIResponse(responseCode = "200", description = "The team with its new handler.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)))
    @PersonalDataRead(type = "team")
    public TeamView changeHandler(@Parameter(description = ID) @PathParam("id") UUID id, @NotNull @Valid HandlerChange change) {
        return service.changeHandler(caller.get(), id, change.contact()).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "changeTeamMembers", summary = "Replace a team's members",
            description = "Replaces the member list of a live team (Art. 7); exactly one member must be the LEADER.")
    @APIResponse(responseCode = "400", description = "Invalid: `validation` on members when not exactly one member is "
            + "the LEADER.")
    @APIResponse(responseCode = "404", description = "No such team (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `team-not-live` when the team was revoked or "
            + "disqualified.")
    @APIResponse(responseCode = "200", description = "The team with its new members.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)))
    @PersonalDataRead(type = "team")
    public TeamView changeMembers(@Parameter(description = ID) @PathParam("id") UUID id, @NotNull @Valid MembersChange change) {
        return service.changeMembers(caller.get(), id, change.members()).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}/partner-units")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEAD_UNIT, Roles.OPERATOR})
    @Operation(operationId = "changeTeamPartnerUnits", summary = "Replace a team's partner units",
            description = "Replaces the partner units of a live team (Art. 14), also after activation: each with a "
                    + "name, its duties and, when it has one, its unified social credit code (check character "
                    + "verified; each code once). Announced as `team.partners-changed` and kept in the audit trail.")
    @APIResponse(responseCode = "400", description = "Invalid (code `validation`): `partnerUnits[i].name` missing, "
            + "`partnerUnits[i].creditCode` malformed or listed twice, more than 100 units.")
    @APIResponse(responseCode = "404", description = "No such team (or not yours).")
    @APIResponse(responseCode = "409", description = "Conflict: `team-not-live` when the team was revoked or "
            + "disqualified.")
    @APIResponse(responseCode = "200", description = "The team with its new partner units.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)))
    @PersonalDataRead(type = "team")
    public TeamView changePartnerUnits(@Parameter(description = ID) @PathParam("id") UUID id,
            @NotNull @Valid PartnersChange change) {
        return service.changePartners(caller.get(), id, change.partnerUnits()).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("team.not-found", id));
    }
}
