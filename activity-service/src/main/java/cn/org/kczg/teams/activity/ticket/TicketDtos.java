package cn.org.kczg.teams.activity.ticket;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.EMAIL;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.PHONE;

import cn.org.kczg.teams.events.registration.ServiceCategory;
import cn.org.kczg.teams.kit.web.WebLink;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class TicketDtos {
    private TicketDtos() {
    }

    /** What a partner pushes, with the field names of the kczg.org.cn demand pages. */
    @Schema(description = "An enterprise's technical demand pushed into the demand hall (Art. 12), with the field "
            + "names of the kczg.org.cn demand pages.")
    public record PushTicket(
            @Schema(description = "The demand's project name.", required = true, example = "高端装备数字化改造需求")
            @NotBlank @Size(max = 200) String projectName,
            @Schema(description = "The industry field of the demand.", required = true, example = "智能制造")
            @NotBlank @Size(max = 100) String industryField,
            @Schema(description = "Background of the demand.", example = "企业现有产线自动化程度低，需进行数字化改造。")
            @Size(max = 5000) String background,
            @Schema(description = "The technical problems the enterprise needs solved.", required = true,
                    example = "多品种小批量生产排产效率低，设备数据无法实时采集。")
            @NotBlank @Size(max = 5000) String technicalProblems,
            @Schema(description = "The targets the enterprise expects to reach.", example = "设备联网率达到90%以上。")
            @Size(max = 5000) String expectedTargets,
            @Schema(description = "The region where the demand is, matched against teams' pilot cities.",
                    required = true, example = "江苏省苏州市")
            @NotBlank @Size(max = 100) String region,
            @Schema(description = "The enterprise or organisation with the demand.", required = true)
            @NotNull @Valid DemandSide demandSide,
            @Schema(description = "Whom the team may contact about the demand.") @Valid Contact contact,
            @Schema(description = "The partner system's own id of the demand: a repeated push with the same "
                    + "externalId answers the first ticket.", required = true, example = "XQ-2026-0001")
            @NotBlank @Size(max = 100) String externalId,
            @Schema(description = "The service categories (Art. 11) the demand asks for, at most 8.")
            @Size(max = 8) List<ServiceCategory> categories,
            @Schema(description = "Keywords of the demand, at most 20, each at most 50 characters; matched against "
                    + "teams' service content.", example = "[\"工业互联网\", \"数字孪生\"]")
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> keywords) {
    }

    @Schema(name = "TicketDemandSide", description = "The enterprise or organisation with the demand.")
    public record DemandSide(
            @Schema(description = "Its name.", required = true, example = "苏州某精密机械有限公司")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Its unified social credit code (统一社会信用代码), if given.",
                    pattern = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", minLength = 18,
                    maxLength = 18, example = "91350100M000100Y43")
            @Size(max = 18) String creditCode) {
    }

    @Schema(name = "TicketContact", description = "Whom the team may contact about a demand.")
    public record Contact(
            @Schema(description = "The contact person's name.", example = "王经理") @PersonalData(kind = NAME)
            @Size(max = 100) String name,
            @Schema(description = "The contact's phone number.", example = "0512-66881234")
            @PersonalData(kind = PHONE) @Size(max = 30) String phone,
            @Schema(description = "The contact's email address.", example = "wang@example.com")
            @PersonalData(kind = EMAIL) @Email @Size(max = 200) String email) {
    }

    @Schema(name = "TicketAnswer", description = "The team's answer to a demand.")
    public record Answer(
            @Schema(description = "The answer.", required = true, example = "建议采用边缘网关采集设备数据，分三期实施改造。")
            @NotBlank @Size(max = 10_000) String text,
            @Schema(description = "Links to material (https URLs), at most 20.") @Size(max = 20)
            List<@NotBlank @WebLink String> links) {
    }

    @Schema(name = "TicketAnswerVersion", description = "One answer the team gave, as it was given; a later answer "
            + "(after a reopening or more information) adds a version instead of replacing it.")
    public record AnswerVersion(
            @Schema(description = "1 for the first answer, then 2, 3 …", required = true) int version,
            @Schema(description = "When it was given.", required = true) Instant at,
            @Schema(description = "Who gave it (the user's id).") String by,
            @Schema(description = "The answer's text.", required = true) String text,
            @Schema(description = "Its links.") List<String> links) {
        /** The versions in the order given, numbered from 1. */
        static List<AnswerVersion> of(List<TicketAnswer> given) {
            return IntStream.range(0, given.size()).mapToObj(i -> new AnswerVersion(i + 1,
                    given.get(i).at, given.get(i).actor, given.get(i).answer.text(), given.get(i).answer.links()))
                    .toList();
        }
    }

    @Schema(name = "TicketMessageRequest", description = "A message in a ticket's conversation.")
    public record PostMessage(
            @Schema(description = "What to say.", required = true, example = "请提供现有产线的设备清单和节拍要求。")
            @NotBlank @Size(max = 10_000) String text,
            @Schema(description = "true: for the team and staff only, never shown to the partner (default false); "
                    + "the partner cannot write one.")
            Boolean internal,
            @Schema(description = "Files to go with the message, at most " + TicketAttachments.PER_MESSAGE + ": the "
                    + "ids of attachments uploaded to this ticket (POST …/attachments) by the writer's side and not "
                    + "yet with another message.", maxItems = TicketAttachments.PER_MESSAGE)
            @Size(max = TicketAttachments.PER_MESSAGE) List<UUID> attachments) {
    }

    @Schema(name = "TicketAttachment", description = "A file in a ticket's conversation (its bytes are read from "
            + "GET /api/v1/tickets/{id}/attachments/{attachmentId}).")
    public record AttachmentView(
            @Schema(description = "The attachment's id.", required = true) UUID id,
            @Schema(description = "The file name as uploaded.", required = true, example = "设备清单.xlsx")
            String fileName,
            @Schema(description = "The media type judged from the file's content.", required = true,
                    example = "application/pdf")
            String contentType,
            @Schema(description = "The file's size in bytes.", required = true, example = "48213") long size,
            @Schema(description = "The SHA-256 of the file's bytes, in hex.", required = true) String sha256,
            @Schema(description = "When it was uploaded.", required = true) Instant createdAt) {
        static AttachmentView of(TicketAttachment a) {
            return new AttachmentView(a.id, a.fileName, a.contentType, a.size, a.sha256, a.createdAt);
        }
    }

    @Schema(name = "TicketMessage", description = "One message of a ticket's conversation, oldest first.")
    public record MessageView(
            @Schema(description = "The message's number, rising in the order written.", required = true) long id,
            @Schema(description = "When it was written.", required = true) Instant at,
            @Schema(description = "Who wrote it (the user's id).", required = true) String author,
            @Schema(description = "Which side wrote it.", required = true) TicketMessage.Side side,
            @Schema(description = "true for a message the partner never sees.", required = true) boolean internal,
            @Schema(description = "What was said.", required = true) String text,
            @Schema(description = "The files that go with it, first uploaded first (none: empty).", required = true)
            List<AttachmentView> attachments) {
        static MessageView of(TicketMessage m, List<TicketAttachment> attachments) {
            return new MessageView(m.id, m.at, m.author, m.side, m.internal, m.text,
                    attachments.stream().map(AttachmentView::of).toList());
        }
    }

    @Schema(name = "TicketAssignment", description = "Which team takes the ticket.")
    public record Assign(
            @Schema(description = "The active team to assign the ticket to.", required = true) @NotNull UUID teamId,
            @Schema(description = "Why; required when the ticket is reassigned from another team.",
                    example = "原服务团不具备该领域专长，改派至智能制造服务团。")
            @Size(max = 2000) String reason) {
    }

    @Schema(name = "DemandHallSettings", description = "The operator's switches for the demand hall.")
    public record Settings(
            @Schema(description = "true: a new ticket goes at once to the best-matching active team, without waiting "
                    + "for the operator.", required = true)
            @NotNull Boolean autoAssign) {
    }

    /** One step of a ticket's own history, with the states it moved between. */
    @Schema(description = "One step of a ticket's own history, with the states it moved between.")
    public record TicketStep(
            @Schema(description = "When the step was taken.", required = true) Instant at,
            @Schema(description = "Who took it: the user's id, or the platform's job (e.g. sla-watch).",
                    required = true)
            String actor,
            @Schema(description = "The role the actor acted in.") String role,
            @Schema(description = "What happened, e.g. ticket.assigned, ticket.answered, ticket.overdue.",
                    required = true, example = "ticket.assigned")
            String action,
            @Schema(description = "The status before the step.", example = "NEW") String from,
            @Schema(description = "The status after the step.", example = "ASSIGNED") String to,
            @Schema(description = "The reason or note given with the step.") String reason) {
        static TicketStep of(TicketHistory h) {
            return new TicketStep(h.at, h.actor, h.role, h.action, h.fromStatus, h.toStatus, h.reason);
        }
    }

    @Schema(name = "TicketRating", description = "How the demand side rated a resolved ticket: once, 1 (poor) to 5 "
            + "(excellent), for the team's 实施效果 (Art. 18).")
    public record Rating(
            @Schema(description = "1 to 5.", required = true, minimum = "1", maximum = "5", example = "5")
            @NotNull @Min(1) @Max(5) Integer score,
            @Schema(description = "What the demand side says about the service.", example = "方案可行，已落地实施。")
            @Size(max = 2000) String comment,
            @Schema(description = "When it was given; set by the platform.", readOnly = true) Instant ratedAt) {
    }

    @Schema(description = "A demand ticket as the caller may see it, with its SLA due times and, when read one by "
            + "one, its history.")
    public record TicketView(
            @Schema(description = "The ticket's id.", required = true) UUID id,
            @Schema(description = "The partner system's own id of the demand.", required = true,
                    example = "XQ-2026-0001")
            String externalId,
            @Schema(description = "The partner system that pushed the ticket.", required = true) String partner,
            @Schema(description = "The demand's project name.", required = true, example = "高端装备数字化改造需求")
            String projectName,
            @Schema(description = "The industry field of the demand.", required = true, example = "智能制造")
            String industryField,
            @Schema(description = "Background of the demand.") String background,
            @Schema(description = "The technical problems to solve.", required = true) String technicalProblems,
            @Schema(description = "The targets the enterprise expects to reach.") String expectedTargets,
            @Schema(description = "The region where the demand is.", required = true, example = "江苏省苏州市")
            String region,
            @Schema(description = "The enterprise or organisation with the demand.", required = true)
            DemandSide demandSide,
            @Schema(description = "Whom the team may contact.") Contact contact,
            @Schema(description = "The service categories (Art. 11) asked for, as ServiceCategory names.",
                    required = true)
            List<String> categories,
            @Schema(description = "Keywords of the demand.", required = true) List<String> keywords,
            @Schema(description = "Where the ticket is in its life.", required = true) TicketStatus status,
            @Schema(description = "The team the ticket is assigned to, once assigned.") UUID teamId,
            @Schema(description = "That team's name.", example = "长三角智能制造科技服务团") String teamName,
            @Schema(description = "When the ticket was last assigned.") Instant assignedAt,
            @Schema(description = "When the team accepted it.") Instant acceptedAt,
            @Schema(description = "When the first response is due (working days after assignment).")
            Instant firstResponseDue,
            @Schema(description = "When the resolution is due (working days after assignment or reopening).")
            Instant resolutionDue,
            @Schema(description = "true once the first response came late.", required = true)
            boolean firstResponseOverdue,
            @Schema(description = "true once the resolution came late.", required = true) boolean resolutionOverdue,
            @Schema(description = "The team's answer, once given.") Answer answer,
            @Schema(description = "The demand side's rating, once given.") Rating rating,
            @Schema(description = "When the ticket was pushed.", required = true) Instant createdAt,
            @Schema(description = "When it last changed.", required = true) Instant updatedAt,
            @Schema(description = "The ticket's version, raised by every change.", required = true) long version,
            @Schema(description = "Every step of the ticket, oldest first; only when one ticket is read.")
            List<TicketStep> history,
            @Schema(description = "Every answer the team gave, oldest first (`answer` is the latest); only when one "
                    + "ticket is read.")
            List<AnswerVersion> answers) {
        static TicketView of(Ticket t, List<TicketStep> history, List<AnswerVersion> answers) {
            return new TicketView(t.id, t.externalId, t.partner, t.projectName, t.industryField, t.background,
                    t.technicalProblems, t.expectedTargets, t.region, new DemandSide(t.demandSideName,
                            t.demandSideCreditCode), t.contact, t.categories, t.keywords, t.status, t.teamId,
                    t.teamName, t.assignedAt, t.acceptedAt, t.firstResponseDue, t.resolutionDue,
                    t.firstResponseOverdue, t.resolutionOverdue, t.answer,
                    t.ratedAt == null ? null : new Rating(t.ratingScore, t.ratingComment, t.ratedAt), t.createdAt,
                    t.updatedAt, t.version, history, answers);
        }
    }

    @Schema(name = "TicketMatches", description = "The active teams ranked for a ticket, best first.")
    public record Matches(
            @Schema(description = "Every active team with its score, best first.", required = true)
            List<TeamMatcher.Match> items) {
    }
}
