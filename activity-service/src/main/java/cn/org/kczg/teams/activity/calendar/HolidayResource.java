package cn.org.kczg.teams.activity.calendar;

import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The holidays that demand-hall due times skip, and the weekend days they count (调休). */
@Path("/api/v1/calendar/holidays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working calendar", description = "Art. 12: the official calendar the operator keeps for the demand "
        + "hall's due times, which count working days: public holidays (法定节假日) are skipped, weekend days made "
        + "working days (调休上班) are counted.")
@Transactional
public class HolidayResource {
    @Inject
    CurrentCaller caller;
    @Inject
    AuditTrail audit;

    @Schema(description = "A day of the official calendar: a public holiday, or a weekend day made a working day.")
    public record HolidayView(
            @Schema(description = "The day.", required = true, example = "2026-10-01") LocalDate day,
            @Schema(description = "Its name.", required = true, example = "国庆节") String name,
            @Schema(description = "true: a weekend day made a working day (调休上班), counted for due times; false: a "
                    + "public holiday, skipped.", required = true)
            boolean working) {
    }

    /** {@code working}: a weekend day the official calendar makes a working day (调休上班); default false. */
    @Schema(name = "HolidayDefinition", description = "What a calendar day is: its name and whether it is a working "
            + "day.")
    public record HolidayName(
            @Schema(description = "The day's name.", required = true, example = "国庆节")
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "true: a weekend day the official calendar makes a working day (调休上班); default "
                    + "false, a public holiday.")
            Boolean working) {
    }

    @GET
    @Authenticated
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listHolidays", summary = "List calendar days",
            description = "The public holidays and working weekend days the operator has entered, in date order, for "
                    + "one year or all years.")
    public List<HolidayView> list(
            @Parameter(description = "Only days of this year, e.g. 2026.") @QueryParam("year") Integer year) {
        return Holiday.<Holiday>list(year == null ? "order by day" : "extract(year from day) = ?1 order by day",
                year == null ? new Object[0] : new Object[] {year}).stream()
                .map(h -> new HolidayView(h.day, h.name, h.working)).toList();
    }

    @PUT
    @Path("/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "setHoliday", summary = "Set a calendar day",
            description = "Enters or replaces a day of the official calendar: a public holiday, which due times skip, "
                    + "or a weekend day made a working day, which they count. Later due times use it.")
    public HolidayView put(@Parameter(description = "The calendar day, e.g. 2026-10-01.",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @PathParam("day") String day,
            @NotNull @Valid HolidayName body) {
        Holiday holiday = Holiday.<Holiday>findByIdOptional(parse(day)).orElseGet(Holiday::new);
        holiday.day = parse(day);
        holiday.name = body.name().strip();
        holiday.working = Boolean.TRUE.equals(body.working());
        holiday.persist();
        audit.record(caller.get(), "holiday.set", "holiday", day,
                holiday.working ? holiday.name + " (working day)" : holiday.name);
        return new HolidayView(holiday.day, holiday.name, holiday.working);
    }

    @DELETE
    @Path("/{day}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "deleteHoliday", summary = "Remove a calendar day",
            description = "Removes a day from the official calendar: it counts as an ordinary day again.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "404", description = "No holiday or working day is entered on this day.")
    public void delete(@Parameter(description = "The calendar day, e.g. 2026-10-01.",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @PathParam("day") String day) {
        if (!Holiday.deleteById(parse(day))) {
            throw ProblemException.notFound(Text.of("holiday.not-found", day));
        }
        audit.record(caller.get(), "holiday.removed", "holiday", day, null);
    }

    private static LocalDate parse(String day) {
        LocalDate date = QueryParams.date("day", day);
        if (date == null) {
            throw ProblemException.invalid("day", Text.of("query.date"));
        }
        return date;
    }
}
