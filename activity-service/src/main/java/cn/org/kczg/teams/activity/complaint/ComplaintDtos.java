package cn.org.kczg.teams.activity.complaint;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.CONTACT;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request and response records of complaints' API. */
public final class ComplaintDtos {
    private ComplaintDtos() {
    }

    @Schema(description = "A complaint from the public about a service team (Art. 15).")
    public record FileComplaint(
            @Schema(description = "The team complained about.", required = true) @NotNull UUID teamId,
            @Schema(description = "What the complaint is about.", required = true) @NotNull Complaint.Kind kind,
            @Schema(description = "What happened.", required = true, example = "该服务团以服务团名义向企业收取咨询费用。")
            @NotBlank @Size(max = 5000) String text,
            @Schema(description = "How to reach the complainant, if they wish; only the operator and auditors see it.",
                    example = "13800000000")
            @Size(max = 200) String contact) {
    }

    @Schema(name = "ComplaintDecision", description = "The operator's decision on a complaint.")
    public record Outcome(
            @Schema(description = "UPHELD or DISMISSED.", required = true, example = "UPHELD")
            @NotNull Complaint.Status outcome,
            @Schema(description = "Why, kept with the complaint.", required = true, example = "经核实，投诉情况属实。")
            @NotBlank @Size(max = 2000) String reason) {
    }

    /** What the public gets back: no more than it sent. */
    @Schema(name = "ComplaintReceipt", description = "What the public gets back for a complaint: no more than it sent.")
    public record Receipt(
            @Schema(description = "The complaint's id.", required = true) UUID id,
            @Schema(description = "The receipt code: the complainant reads the complaint's status and outcome with "
                    + "it at GET /api/v1/public/complaints/{receipt}. Shown only here, once.", required = true,
                    example = "7KQ2-M9XD-4RTB") String receipt,
            @Schema(description = "Its status: RECEIVED.", required = true) Complaint.Status status,
            @Schema(description = "When it was received.", required = true) Instant filedAt) {
    }

    @Schema(name = "ComplaintResponse", description = "The team's one answer to a complaint, before the decision.")
    public record TeamResponse(
            @Schema(description = "What the team says to the complaint, for the operator.", required = true,
                    example = "该费用系企业自愿委托第三方检测机构收取，与服务团无关，附委托合同。")
            @NotBlank @Size(max = 5000) String text) {
    }

    @Schema(name = "PublicComplaint", description = "What the complainant reads by the receipt code: where the "
            + "complaint is and, once decided, the outcome with its reason. Nothing else about anyone.")
    public record PublicComplaint(
            @Schema(description = "The receipt code.", required = true, example = "7KQ2-M9XD-4RTB") String receipt,
            @Schema(description = "What it is about.", required = true) Complaint.Kind kind,
            @Schema(description = "The team complained about, by its name.") String teamName,
            @Schema(description = "RECEIVED until the operator decides, then UPHELD or DISMISSED.", required = true)
            Complaint.Status status,
            @Schema(description = "true once the team has answered the complaint (what it said is for the operator).",
                    required = true) boolean teamResponded,
            @Schema(description = "The reason given with the decision.") String outcomeReason,
            @Schema(description = "When it was received.", required = true) Instant filedAt,
            @Schema(description = "When the operator decided.") Instant decidedAt) {
    }

    @Schema(description = "A complaint as staff see it.")
    public record ComplaintView(
            @Schema(description = "The complaint's id.", required = true) UUID id,
            @Schema(description = "The team complained about.", required = true) UUID teamId,
            @Schema(description = "What it is about.", required = true) Complaint.Kind kind,
            @Schema(description = "What happened, as the complainant wrote it.", required = true) String text,
            @Schema(description = "How to reach the complainant; shown to the operator and auditors only.")
            @PersonalData(kind = CONTACT) String contact,
            @Schema(description = "Where the complaint is.", required = true) Complaint.Status status,
            @Schema(description = "The team's answer, if it gave one (once, before the decision).") String response,
            @Schema(description = "When the team answered.") Instant respondedAt,
            @Schema(description = "The reason given with the operator's decision.") String outcomeReason,
            @Schema(description = "When it was received.", required = true) Instant filedAt,
            @Schema(description = "When the operator decided.") Instant decidedAt) {
    }
}
