package cn.org.kczg.teams.review.quota;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
import cn.org.kczg.teams.kit.audit.AuditTrail;
import cn.org.kczg.teams.kit.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Art. 8 annual quotas and Art. 9 key fields, both set by the operator per year. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas and key fields (Art. 8, 9)")
@Transactional
public class QuotaResource {
    @Inject
    CurrentCaller caller;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public record QuotaLimit(@NotNull @Min(0) @Max(100) Integer limit) {
    }

    public record QuotaView(int year, LeadUnitCategory category, Integer limit, String source) {
    }

    public record KeyFields(@NotNull @Size(max = 50) List<@NotNull @Size(min = 1, max = 100) String> fields) {
    }

    @PUT
    @Path("/quotas/{year}/{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public QuotaView setQuota(@PathParam("year") int year, @PathParam("category") String categoryCode,
            @NotNull @Valid QuotaLimit body) {
        LeadUnitCategory category = QueryParams.enumValue(LeadUnitCategory.class, "category", categoryCode);
        if (QuotaPolicy.limit(category, java.util.Optional.empty()) != null) {
            throw ProblemException.conflict("fixed-quota", "Art. 8 fixes the quota of " + category
                    + "; annual quotas apply to categories (c) and (d) and provincial societies.");
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

    @GET
    @Path("/quotas/{year}")
    @RolesAllowed({Roles.OPERATOR, Roles.REVIEWER, Roles.AUDITOR, Roles.LEAD_UNIT})
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuotaView> quotas(@PathParam("year") int year) {
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
    public KeyFields setKeyFields(@PathParam("year") int year, @NotNull @Valid KeyFields body) {
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
    public KeyFields keyFields(@PathParam("year") int year) {
        return new KeyFields(YearKeyFields.of(year));
    }
}
