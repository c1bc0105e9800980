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

public final class ApplicationDtos {
    private ApplicationDtos() {
    }

    /**
     * Create or partially update a draft. {@code serviceContent} is read from the name; when sent it must
     * match. {@code leadUnit} defaults to the caller's {@code org}; only an operator names another.
     */
    public record ApplicationDraft(
            @Size(max = 18) String leadUnit,
            @Size(max = 200) String name,
            @Size(max = 180) String serviceContent,
            @Size(max = 8) List<ServiceCategory> categories,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> pilotCities,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> otherRegions,
            @Size(max = 30) List<@NotBlank @Size(max = 100) String> keyFields,
            @Size(max = 10_000) String experience,
            @Size(max = 10_000) String distinctiveServices,
            @Size(max = 10_000) String organisingCapacity,
            @Size(max = 10_000) String workFoundation,
            @Valid Resources resourcesCommitted,
            @Size(max = 10_000) String continuityPlan,
            @Size(max = 500) List<@Valid Member> members,
            @Size(max = 100) List<@Valid PartnerUnit> partnerUnits,
            @Valid HandlerContact handler) {

        ApplicationContent content() {
            return new ApplicationContent(categories, pilotCities, otherRegions, keyFields, experience,
                    distinctiveServices, organisingCapacity, workFoundation, resourcesCommitted, continuityPlan,
                    members, partnerUnits, handler);
        }
    }

    public record ApplicationView(UUID id, String leadUnit, String leadUnitName, String name, String serviceContent,
            ApplicationStatus status, Integer year, int submissionCount, List<ServiceCategory> categories,
            List<String> pilotCities, List<String> otherRegions, List<String> keyFields, String experience,
            String distinctiveServices, String organisingCapacity, String workFoundation,
            Resources resourcesCommitted, String continuityPlan, List<Member> members,
            List<PartnerUnit> partnerUnits, HandlerContact handler, List<String> decisionReasons, UUID teamId,
            Instant createdAt, Instant updatedAt, Instant submittedAt, Instant decidedAt, long version) {

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
