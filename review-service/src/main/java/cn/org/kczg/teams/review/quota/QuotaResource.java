package cn.org.kczg.teams.review.quota;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.problem.ProblemException;
import cn.org.kczg.teams.kit.problem.Text;
import cn.org.kczg.teams.kit.security.CurrentCaller;
import cn.org.kczg.teams.kit.web.QueryParams;
import cn.org.kczg.teams.platform.security.Roles;
import cn.org.kczg.teams.review.eligibility.QuotaPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 8 annual quotas and Art. 9 key fields, both set by the operator per year. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas and key fields", description = "What the operator sets each year: the annual quotas of the "
        + "categories Art. 8 leaves open, and the key fields of 科创中国 that raise an application's Art. 9 priority.")
@Transactional
public class QuotaResource {
    @Inject
    CurrentCaller caller;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Schema(name = "QuotaLimit", description = "The body setting an annual quota (Art. 8).")
    public record QuotaLimit(
            @Schema(description = "How many teams a lead unit of the category may lead in the year.", required = true,
                    minimum = "0", maximum = "100", example = "3")
            @NotNull @Min(0) @Max(100) Integer limit) {
    }

    @Schema(name = "QuotaView", description = "The quota of one Art. 5 category in one year (Art. 8).")
    public record QuotaView(
            @Schema(description = "The year.", required = true, example = "2026") int year,
            @Schema(description = "The lead-unit category.", required = true) LeadUnitCategory category,
            @Schema(description = "How many teams one lead unit of the category may lead; absent while no annual quota "
                    + "is set.", example = "3")
            Integer limit,
            @Schema(description = "Where the limit comes from: `Art. 8` when the regulation fixes it, `annual` when "
                    + "the operator sets it each year.", required = true, enumeration = {"Art. 8", "annual"},
                    example = "annual")
            String source) {
    }

    @Schema(name = "KeyFields", description = "The key fields of 科创中国 for one year (Art. 9): applications in them "
            + "are reviewed first among equals.")
    public record KeyFields(
            @Schema(description = "The key fields, each 1 to 100 characters, at most 50; duplicates and surrounding "
                    + "spaces are dropped.", required = true, maxItems = 50, example = "[\"量子信息\", \"智能制造\"]")
            @NotNull @Size(max = 50) List<@NotNull @Size(min = 1, max = 100) String> fields) {
    }

    private static final String YEAR = "The year, e.g. 2026.";

    @PUT
    @Path("/quotas/{year}/{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "setAnnualQuota", summary = "Set a category's annual quota",
            description = "Sets how many teams a lead unit of the category may lead in the year (Art. 8). Only for "
                    + "the categories whose quota Art. 8 leaves to each year: UNIVERSITY_INSTITUTE_ENTERPRISE, "
                    + "CONSORTIUM_INSTITUTION and PROVINCIAL_SOCIETY. Later applications are checked against it.")
    @APIResponse(responseCode = "200", description = "The quota as set.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = QuotaView.class)))
    @APIResponse(responseCode = "409", description = "Conflict: `fixed-quota` when Art. 8 fixes the category's quota "
            + "(NATIONAL_SOCIETY, PROVINCIAL_CAST, PROVINCIAL_CAST_AFFILIATE, OTHER).")
    public QuotaView setQuota(@Parameter(description = YEAR, example = "2026") @PathParam("year") int year,
            @Parameter(description = "The lead-unit category (Art. 5).",
                    schema = @Schema(implementation = LeadUnitCategory.class))
            @PathParam("category") String categoryCode,
            @NotNull @Valid QuotaLimit body) {
        LeadUnitCategory category = QueryParams.enumValue(LeadUnitCategory.class, "category", categoryCode);
        if (QuotaPolicy.limit(category, java.util.Optional.empty()) != null) {
            throw ProblemException.conflict("fixed-quota", Text.of("quota.fixed", categoryText(category)));
        }
        AnnualQuota quota = AnnualQuota.<AnnualQuota>find("year = ?1 and category = ?2", year, category)
                .firstResultOptional().orElseGet(() -> {
                    AnnualQuota q = new AnnualQuota();
                    q.id = UUID.randomUUID();
                    q.year = year;
                    q.category = category;
                    return q;
                });
        quota.limit = body.limit();
        quota.setBy = caller.get().subject();
        quota.setAt = clock.instant();
        quota.persist();
        audit.record(caller.get(), "quota.set", "quota", year + "/" + category, "limit " + body.limit());
        return new QuotaView(year, category, quota.limit, "annual");
    }

    /** A category inside a problem's words. */
    static Text categoryText(LeadUnitCategory category) {
        return switch (category) {
            case NATIONAL_SOCIETY -> Text.of("quota.category.national-society");
            case PROVINCIAL_CAST -> Text.of("quota.category.provincial-cast");
            case PROVINCIAL_CAST_AFFILIATE -> Text.of("quota.category.provincial-cast-affiliate");
            case PROVINCIAL_SOCIETY -> Text.of("quota.category.provincial-society");
            case UNIVERSITY_INSTITUTE_ENTERPRISE -> Text.of("quota.category.university-institute-enterprise");
            case CONSORTIUM_INSTITUTION -> Text.of("quota.category.consortium-institution");
            case OTHER -> Text.of("quota.category.other");
        };
    }

    @GET
    @Path("/quotas/{year}")
    @RolesAllowed({Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR, Roles.LEAD_UNIT})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listAnnualQuotas", summary = "List the quotas of a year",
            description = "The quota of every lead-unit category in the year: fixed by Art. 8, set by the operator, "
                    + "or not yet set.")
    public List<QuotaView> quotas(@Parameter(description = YEAR, example = "2026") @PathParam("year") int year) {
        return Arrays.stream(LeadUnitCategory.values()).map(c -> {
            Integer fixed = QuotaPolicy.limit(c, java.util.Optional.empty());
            return fixed != null ? new QuotaView(year, c, fixed, "Art. 8")
                    : new QuotaView(year, c, AnnualQuota.of(year, c).orElse(null), "annual");
        }).toList();
    }

    @PUT
    @Path("/key-fields/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "setKeyFields", summary = "Set the key fields of a year",
            description = "Replaces the year's key fields (Art. 9); applications submitted later in them get the "
                    + "keyFields part of their priority.")
    public KeyFields setKeyFields(@Parameter(description = YEAR, example = "2026") @PathParam("year") int year,
            @NotNull @Valid KeyFields body) {
        YearKeyFields fields = YearKeyFields.<YearKeyFields>findByIdOptional(year).orElseGet(() -> {
            YearKeyFields k = new YearKeyFields();
            k.year = year;
            return k;
        });
        fields.fields = body.fields().stream().map(String::strip).distinct().toList();
        fields.persist();
        audit.record(caller.get(), "key-fields.set", "key-fields", String.valueOf(year), String.join("、", fields.fields));
        return new KeyFields(fields.fields);
    }

    @GET
    @Path("/key-fields/{year}")
    @RolesAllowed({Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR, Roles.LEAD_UNIT})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getKeyFields", summary = "Get the key fields of a year",
            description = "The year's key fields (Art. 9); empty until the operator sets them.")
    public KeyFields keyFields(@Parameter(description = YEAR, example = "2026") @PathParam("year") int year) {
        return new KeyFields(YearKeyFields.of(year));
    }
}
