package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.registration.application.ApplicationContent.HandlerContact;
import cn.org.kczg.teams.registration.application.ApplicationContent.Member;
import cn.org.kczg.teams.registration.application.ApplicationContent.PartnerUnit;
import cn.org.kczg.teams.registration.application.ApplicationContent.Resources;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ApplicationDtos {
    private static final String CLEARED = " Absent: unchanged; null: cleared.";

    private ApplicationDtos() {
    }

    /**
     * Create a draft. {@code serviceContent} is read from the name; when sent it must match. {@code leadUnit}
     * defaults to the caller's {@code org}; only an operator names another. Also the full shape a merge patch is
     * applied to ({@link ApplicationPatch} documents the patch).
     */
    @Schema(name = "ApplicationDraft", description = "A team application as drafted (Art. 4, 6, 7, 9, 11, 12, 14). "
            + "Every part may be missing while it is a draft; submitting needs them all.")
    public record ApplicationDraft(
            @Schema(description = "The lead unit's unified social credit code; defaults to the caller's organisation, "
                    + "only an operator names another.", minLength = 18, maxLength = 18,
                    pattern = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$",
                    example = "91350100M000100Y43")
            @Size(max = 18) String leadUnit,
            @Schema(description = "The Art. 4 team name “科创中国”<service content>科技服务团 (ASCII, curly or "
                    + "full-width quotes are accepted; stored with curly quotes).", maxLength = 200,
                    example = "“科创中国”智能制造产业科技服务团")
            @Size(max = 200) String name,
            @Schema(description = "The service content: the part of the name between “科创中国” and 科技服务团. Read "
                    + "from the name; when sent it must match.", maxLength = 180, example = "智能制造产业")
            @Size(max = 180) String serviceContent,
            @Schema(description = "Art. 11: the service categories offered, at most the eight.", maxItems = 8)
            @Size(max = 8) List<ServiceCategory> categories,
            @Schema(description = "Art. 10: the 科创中国 pilot cities or parks served.", maxItems = 50,
                    example = "[\"苏州市\", \"深圳市\"]")
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> pilotCities,
            @Schema(description = "Other cities or regions reached beyond the pilot cities.", maxItems = 50,
                    example = "[\"长三角\"]")
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> otherRegions,
            @Schema(description = "The key industry fields served.", maxItems = 30, example = "[\"智能制造\", \"工业互联网\"]")
            @Size(max = 30) List<@NotBlank @Size(max = 100) String> keyFields,
            @Schema(description = "Art. 6: the lead unit's service experience.", maxLength = 10_000,
                    example = "十年产学研合作经验")
            @Size(max = 10_000) String experience,
            @Schema(description = "Art. 6: the distinctive services offered.", maxLength = 10_000,
                    example = "产线诊断与数字化改造咨询")
            @Size(max = 10_000) String distinctiveServices,
            @Schema(description = "Art. 6: the capacity to organise and carry out the services.", maxLength = 10_000,
                    example = "下设12个专业委员会")
            @Size(max = 10_000) String organisingCapacity,
            @Schema(description = "Art. 9: the work foundation already laid.", maxLength = 10_000,
                    example = "已服务试点城市企业200余家")
            @Size(max = 10_000) String workFoundation,
            @Schema(description = "Art. 9, 14: the resources the lead unit commits.")
            @Valid Resources resourcesCommitted,
            @Schema(description = "Art. 9: how the work is kept going (continuity and mechanisms).", maxLength = 10_000,
                    example = "建立年度工作计划与季度例会机制")
            @Size(max = 10_000) String continuityPlan,
            @Schema(description = "Art. 7: the experts of the team; exactly one LEADER when submitted.", maxItems = 500)
            @Size(max = 500) List<@Valid Member> members,
            @Schema(description = "Art. 14: the participating units and their duties.", maxItems = 100)
            @Size(max = 100) List<@Valid PartnerUnit> partnerUnits,
            @Schema(description = "Art. 12: the person who answers the demand hall.")
            @Valid HandlerContact handler) {

        /** The application as a draft, the base a merge patch applies to ({@code serviceContent} follows the name). */
        static ApplicationDraft of(TeamApplication a) {
            ApplicationContent c = a.content;
            return new ApplicationDraft(a.leadUnitCreditCode, a.name, null, c.categories(), c.pilotCities(),
                    c.otherRegions(), c.keyFields(), c.experience(), c.distinctiveServices(), c.organisingCapacity(),
                    c.workFoundation(), c.resourcesCommitted(), c.continuityPlan(), c.members(), c.partnerUnits(),
                    c.handler());
        }

        ApplicationContent content() {
            return new ApplicationContent(categories, pilotCities, otherRegions, keyFields, experience,
                    distinctiveServices, organisingCapacity, workFoundation, resourcesCommitted, continuityPlan,
                    members, partnerUnits, handler);
        }
    }

    /**
     * The documented body of {@code PATCH /api/v1/applications/{id}}, a JSON Merge Patch (RFC 7396) of
     * {@link ApplicationDraft}; the endpoint reads it as a tree and merges it onto the stored application.
     */
    @Schema(name = "ApplicationPatch", description = "A JSON Merge Patch (RFC 7396) of a DRAFT or CHANGES_REQUESTED "
            + "application: a member left out stays unchanged, null clears it, arrays are replaced whole, objects "
            + "(resourcesCommitted, handler) merge member by member. The merged application is validated as a create; "
            + "unknown members are refused.")
    public record ApplicationPatch(
            @Schema(description = "The lead unit's unified social credit code. It cannot change: absent: unchanged; "
                    + "the same code: unchanged; null or another code: refused (400).", nullable = true,
                    minLength = 18, maxLength = 18, pattern = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$",
                    example = "91350100M000100Y43")
            String leadUnit,
            @Schema(description = "The Art. 4 team name “科创中国”<service content>科技服务团." + CLEARED
                    + " Clearing it clears serviceContent too.", nullable = true, maxLength = 200,
                    example = "“科创中国”智能制造产业科技服务团")
            String name,
            @Schema(description = "The service content, always read from the name; when sent it must match the name. "
                    + "Absent: unchanged; null: unchanged (it follows the name).", nullable = true, maxLength = 180,
                    example = "智能制造产业")
            String serviceContent,
            @Schema(description = "Art. 11: the service categories, replaced whole." + CLEARED, nullable = true,
                    maxItems = 8)
            List<ServiceCategory> categories,
            @Schema(description = "Art. 10: the pilot cities or parks, replaced whole." + CLEARED, nullable = true,
                    maxItems = 50, example = "[\"苏州市\"]")
            List<String> pilotCities,
            @Schema(description = "Other cities or regions, replaced whole." + CLEARED, nullable = true, maxItems = 50)
            List<String> otherRegions,
            @Schema(description = "The key industry fields, replaced whole." + CLEARED, nullable = true, maxItems = 30)
            List<String> keyFields,
            @Schema(description = "Art. 6: the service experience." + CLEARED, nullable = true, maxLength = 10_000,
                    example = "补充：获省部级奖项3项")
            String experience,
            @Schema(description = "Art. 6: the distinctive services." + CLEARED, nullable = true, maxLength = 10_000)
            String distinctiveServices,
            @Schema(description = "Art. 6: the capacity to organise." + CLEARED, nullable = true, maxLength = 10_000)
            String organisingCapacity,
            @Schema(description = "Art. 9: the work foundation." + CLEARED, nullable = true, maxLength = 10_000)
            String workFoundation,
            @Schema(description = "Art. 9, 14: the resources committed, merged member by member." + CLEARED,
                    nullable = true)
            Resources resourcesCommitted,
            @Schema(description = "Art. 9: the continuity plan." + CLEARED, nullable = true, maxLength = 10_000)
            String continuityPlan,
            @Schema(description = "Art. 7: the team's experts, replaced whole." + CLEARED, nullable = true,
                    maxItems = 500)
            List<Member> members,
            @Schema(description = "Art. 14: the participating units, replaced whole." + CLEARED, nullable = true,
                    maxItems = 100)
            List<PartnerUnit> partnerUnits,
            @Schema(description = "Art. 12: the demand-hall handler, merged member by member." + CLEARED,
                    nullable = true)
            HandlerContact handler) {
    }

    @Schema(name = "ApplicationView", description = "A team application as stored: what the lead unit states, its "
            + "status and, once decided, the decision and the team it made.")
    public record ApplicationView(
            @Schema(description = "The application's id.", required = true) UUID id,
            @Schema(description = "The lead unit's unified social credit code.", required = true,
                    example = "91350100M000100Y43") String leadUnit,
            @Schema(description = "The lead unit's registered name.", required = true, example = "江苏省科学技术协会")
            String leadUnitName,
            @Schema(description = "The Art. 4 team name, once given.", example = "“科创中国”智能制造产业科技服务团")
            String name,
            @Schema(description = "The service content read from the name.", example = "智能制造产业")
            String serviceContent,
            @Schema(description = "Where the application stands.", required = true) ApplicationStatus status,
            @Schema(description = "The registration window's year, set at the first submission.", example = "2026")
            Integer year,
            @Schema(description = "How many times it was submitted (resubmissions after requested changes count).",
                    required = true) int submissionCount,
            @Schema(description = "Art. 11: the service categories.") List<ServiceCategory> categories,
            @Schema(description = "Art. 10: the pilot cities or parks served.") List<String> pilotCities,
            @Schema(description = "Other cities or regions reached.") List<String> otherRegions,
            @Schema(description = "The key industry fields.") List<String> keyFields,
            @Schema(description = "Art. 6: the service experience.") String experience,
            @Schema(description = "Art. 6: the distinctive services.") String distinctiveServices,
            @Schema(description = "Art. 6: the capacity to organise.") String organisingCapacity,
            @Schema(description = "Art. 9: the work foundation.") String workFoundation,
            @Schema(description = "Art. 9, 14: the resources committed.") Resources resourcesCommitted,
            @Schema(description = "Art. 9: the continuity plan.") String continuityPlan,
            @Schema(description = "Art. 7: the team's experts.") List<Member> members,
            @Schema(description = "Art. 14: the participating units.") List<PartnerUnit> partnerUnits,
            @Schema(description = "Art. 12: the demand-hall handler.") HandlerContact handler,
            @Schema(description = "The qualification review's reasons for its latest decision.")
            List<String> decisionReasons,
            @Schema(description = "The team the approval made.") UUID teamId,
            @Schema(description = "When it was created.", required = true) Instant createdAt,
            @Schema(description = "When it last changed.", required = true) Instant updatedAt,
            @Schema(description = "When it was last submitted.") Instant submittedAt,
            @Schema(description = "When it was approved or rejected.") Instant decidedAt,
            @Schema(description = "The optimistic-locking version, raised by every change.", required = true)
            long version) {

        static ApplicationView of(TeamApplication a) {
            ApplicationContent c = a.content;
            return new ApplicationView(a.id, a.leadUnitCreditCode, a.leadUnitName, a.name, a.serviceContent,
                    a.status, a.year, a.submissionCount, c.categories(), c.pilotCities(), c.otherRegions(),
                    c.keyFields(), c.experience(), c.distinctiveServices(), c.organisingCapacity(),
                    c.workFoundation(), c.resourcesCommitted(), c.continuityPlan(), c.members(), c.partnerUnits(),
                    c.handler(), a.decisionReasons, a.teamId, a.createdAt, a.updatedAt, a.submittedAt,
                    a.decidedAt, a.version);
        }
    }
}
