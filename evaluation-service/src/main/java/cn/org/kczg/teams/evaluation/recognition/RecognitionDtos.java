package cn.org.kczg.teams.evaluation.recognition;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.AFFILIATION;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class RecognitionDtos {
    private RecognitionDtos() {
    }

    @Schema(name = "DemonstrationProjectMark", description = "The operator marks a team's work as a demonstration "
            + "project (示范项目, Art. 18) of a year.")
    public record MarkProject(
            @Schema(description = "The service team.", required = true) @NotNull UUID teamId,
            @Schema(description = "The year it is a demonstration project of.", required = true, example = "2026")
            @NotNull @Min(2000) @Max(2199) Integer year,
            @Schema(description = "The project's title.", required = true, example = "长三角智能制造共性技术服务示范项目")
            @NotBlank @Size(max = 200) String title,
            @Schema(description = "What makes it exemplary.", example = "服务企业120家，形成可复制的技术服务模式。")
            @Size(max = 10_000) String description) {
    }

    @Schema(name = "DemonstrationProjectView", description = "A demonstration project (示范项目, Art. 18) of a team.")
    public record ProjectView(
            @Schema(description = "The project's id.", required = true) UUID id,
            @Schema(description = "The service team.", required = true) UUID teamId,
            @Schema(description = "Unified social credit code of the team's lead unit.", required = true,
                    example = "91350100M000100Y43") String leadUnitCreditCode,
            @Schema(description = "The year.", required = true, example = "2026") int year,
            @Schema(description = "The title.", required = true, example = "长三角智能制造共性技术服务示范项目")
            String title,
            @Schema(description = "What makes it exemplary.") String description,
            @Schema(description = "ACTIVE or REVOKED.", required = true) DemonstrationProject.Status status,
            @Schema(description = "Who marked it.", required = true) String markedBy,
            @Schema(description = "When it was marked.", required = true) Instant markedAt,
            @Schema(description = "When it was revoked; absent while ACTIVE.") Instant revokedAt,
            @Schema(description = "Why it was revoked; absent while ACTIVE.") String revocationReason) {
        static ProjectView of(DemonstrationProject p) {
            return new ProjectView(p.id, p.teamId, p.leadUnitCreditCode, p.year, p.title, p.description, p.status,
                    p.markedBy, p.markedAt, p.revokedAt, p.revocationReason);
        }
    }

    @Schema(name = "GuidanceRecord", description = "Work guidance (工作指导, Art. 18) given to a team, as the operator "
            + "records it.")
    public record RecordGuidance(
            @Schema(description = "The service team guided.", required = true) @NotNull UUID teamId,
            @Schema(description = "The day the guidance was given, not after today (China).", required = true,
                    example = "2026-10-12") @NotNull LocalDate date,
            @Schema(description = "What it was about.", required = true, example = "年度工作计划与试点城市对接")
            @NotBlank @Size(max = 200) String topic,
            @Schema(description = "What was advised.", required = true, example = "建议聚焦苏州、无锡两地的共性技术需求。")
            @NotBlank @Size(max = 10_000) String content,
            @Schema(description = "Who gave it, when not the operator recording it.", example = "学会服务中心 王敏")
            @Size(max = 200) String givenBy) {
    }

    @Schema(name = "GuidanceView", description = "Work guidance (工作指导, Art. 18) given to a team.")
    public record GuidanceView(
            @Schema(description = "The record's id.", required = true) UUID id,
            @Schema(description = "The service team.", required = true) UUID teamId,
            @Schema(description = "Unified social credit code of the team's lead unit.", required = true,
                    example = "91350100M000100Y43") String leadUnitCreditCode,
            @Schema(description = "The year it counts for (of its date).", required = true, example = "2026") int year,
            @Schema(description = "The day it was given.", required = true) LocalDate date,
            @Schema(description = "What it was about.", required = true) String topic,
            @Schema(description = "What was advised.", required = true) String content,
            @Schema(description = "Who gave it.") @PersonalData(kind = {NAME, AFFILIATION}) String givenBy,
            @Schema(description = "Who recorded it.", required = true) @PersonalData(kind = ACCOUNT_ID)
            String recordedBy,
            @Schema(description = "When it was recorded.", required = true) Instant recordedAt) {
        static GuidanceView of(GuidanceSession g) {
            return new GuidanceView(g.id, g.teamId, g.leadUnitCreditCode, g.year, g.givenOn, g.topic, g.content,
                    g.givenBy, g.recordedBy, g.recordedAt);
        }
    }

    @Schema(name = "IncentiveMark", description = "The operator marks an outstanding lead unit for an incentive (Art. "
            + "19) of a year.")
    public record MarkIncentive(
            @Schema(description = "Why the lead unit stands out; kept and shown to auditors.", required = true,
                    example = "所牵头服务团年度考核均为优秀，示范带动作用突出") @NotBlank @Size(max = 2000) String reason,
            @Schema(description = "What the incentive is (default COMMENDATION).") Incentive.Kind kind) {
    }

    @Schema(name = "IncentiveView", description = "A lead unit marked for an incentive (Art. 19) of a year.")
    public record IncentiveView(
            @Schema(description = "The mark's id.", required = true) UUID id,
            @Schema(description = "The year.", required = true, example = "2026") int year,
            @Schema(description = "The lead unit's unified social credit code.", required = true,
                    example = "91350100M000100Y43") String creditCode,
            @Schema(description = "The lead unit's name.", example = "中国机械工程学会") String name,
            @Schema(description = "What the incentive is.", required = true) Incentive.Kind kind,
            @Schema(description = "Why it was marked.", required = true) String reason,
            @Schema(description = "MARKED or UNMARKED.", required = true) Incentive.Status status,
            @Schema(description = "How many of its teams the published assessment graded EXCELLENT.", required = true)
            int excellentTeams,
            @Schema(description = "How many of its teams the published assessment graded.", required = true)
            int assessedTeams,
            @Schema(description = "Who marked it.", required = true) String markedBy,
            @Schema(description = "When it was (last) marked.", required = true) Instant markedAt,
            @Schema(description = "When it was unmarked; absent while MARKED.") Instant unmarkedAt,
            @Schema(description = "Why it was unmarked; absent while MARKED.") String unmarkReason) {
        static IncentiveView of(Incentive i) {
            return new IncentiveView(i.id, i.year, i.leadUnitCreditCode, i.leadUnitName, i.kind, i.reason, i.status,
                    i.excellentTeams, i.assessedTeams, i.markedBy, i.markedAt, i.unmarkedAt, i.unmarkReason);
        }
    }
}
