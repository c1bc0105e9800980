package cn.org.kczg.teams.activity.calendar;

import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.json.InputRules;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.security.CurrentCaller;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The holidays that demand-hall due times skip, and the weekend days they count (调休). */
@Path("/api/v1/calendar/holidays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Demand hall (Art. 12)")
@Transactional
public class HolidayResource {
    @Inject
    CurrentCaller caller;
    @Inject
    AuditTrail audit;

    public record HolidayView(LocalDate day, String name, boolean working) {
    }

    /** {@code working}: a weekend day the official calendar makes a working day (调休上班); default false. */
    public record HolidayName(@NotBlank @Size(max = 100) String name, Boolean working) {
    }

    @GET
    @Authenticated
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HolidayView> list(@QueryParam("year") Integer year) {
        return Holiday.<Holiday>list(year == null ? "order by day" : "extract(year from day) = ?1 order by day",
                year == null ? new Object[0] : new Object[] {year}).stream()
                .map(h -> new HolidayView(h.day, h.name, h.working)).toList();
    }

    @PUT
    @Path("/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public HolidayView put(@PathParam("day") String day, @NotNull @Valid HolidayName body) {
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
    public void delete(@PathParam("day") String day) {
        if (!Holiday.deleteById(parse(day))) {
            throw ProblemException.notFound("No holiday on " + day + ".");
        }
        audit.record(caller.get(), "holiday.removed", "holiday", day, null);
    }

    private static LocalDate parse(String day) {
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("day", "must be a date like 2026-10-01");
        }
        InputRules.date(date).ifPresent(why -> {
            throw ProblemException.invalid("day", why);
        });
        return date;
    }
}
