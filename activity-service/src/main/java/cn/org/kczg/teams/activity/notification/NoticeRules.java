package cn.org.kczg.teams.activity.notification;

import cn.org.kczg.teams.events.activity.ComplaintFiled;
import cn.org.kczg.teams.events.activity.FeeViolationFlagged;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.activity.TicketMessagePosted;
import cn.org.kczg.teams.events.activity.UploadDueSoon;
import cn.org.kczg.teams.events.activity.UploadOverdue;
import cn.org.kczg.teams.events.activity.UploadReviewed;
import cn.org.kczg.teams.events.evaluation.AssessmentPublished;
import cn.org.kczg.teams.events.evaluation.GradeCorrected;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.events.review.ReviewCaseAssigned;
import cn.org.kczg.teams.events.review.ReviewDecided;
import cn.org.kczg.teams.platform.security.Roles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which events tell whom what, in Chinese: pure functions of the event (and the team's name and lead unit, which
 * some events leave out), so every rule is tested without Quarkus. Links are paths into the kczg.org.cn frontend.
 */
public final class NoticeRules {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);
    private static final Map<String, String> TEAM_STATUS = Map.of("ACTIVE", "正常", "SUSPENDED", "暂停",
            "REVOKED", "撤销", "DISQUALIFIED", "取消资格");
    private static final Map<String, String> UPLOAD_KIND = Map.of("PROGRESS", "工作进展", "ACTIVITY_DATA", "活动数据",
            "THINK_TANK_REPORT", "智库报告");
    private static final Map<String, String> DUE = Map.of("FIRST_RESPONSE", "首次响应", "RESOLUTION", "办结");

    /** A team as notices name it; {@code null} from the lookup when activity-service does not know the team. */
    public record TeamRef(String name, String leadUnitCreditCode) {
    }

    private final Function<UUID, TeamRef> teams;

    public NoticeRules(Function<UUID, TeamRef> teams) {
        this.teams = teams;
    }

    public List<NoticeDraft> ticket(TicketChanged e) {
        if (e.teamId() == null) {
            return List.of();
        }
        String team = Audience.team(e.teamId());
        String link = "/tickets/" + e.ticketId();
        String ticket = "工单 " + e.externalId();
        return switch (e.type()) {
            case TicketChanged.ASSIGNED -> List.of(new NoticeDraft(NoticeKind.TICKET_ASSIGNED, team,
                    "新需求工单已指派给本团队",
                    ticket + "（" + orDash(e.industryField()) + "，" + orDash(e.region()) + "）已指派给本团队，请于 "
                            + at(e.firstResponseDue()) + " 前受理。", link));
            case TicketChanged.RESUMED -> List.of(new NoticeDraft(NoticeKind.TICKET_INFO_RECEIVED, team,
                    "需求方已补充信息", ticket + " 的需求方已补充所需信息，处理时限恢复计时。", link));
            case TicketChanged.SLA_WARNING -> List.of(new NoticeDraft(NoticeKind.TICKET_SLA_WARNING, team,
                    "工单即将超时", ticket + " 的" + DUE.getOrDefault(e.overdue(), "处理") + "时限将于 "
                            + at(due(e)) + " 到期。", link));
            case TicketChanged.OVERDUE -> List.of(new NoticeDraft(NoticeKind.TICKET_OVERDUE, team, "工单已超时",
                    ticket + " 的" + DUE.getOrDefault(e.overdue(), "处理") + "时限已于 " + at(due(e)) + " 到期，请尽快处理。",
                    link));
            default -> List.of();
        };
    }

    /** The team hears what the demand side (or staff) wrote to it; internal notes and its own words are no news. */
    public List<NoticeDraft> message(TicketMessagePosted e) {
        if (e.teamId() == null || e.internal() || "TEAM".equals(e.side())) {
            return List.of();
        }
        String who = "DEMAND".equals(e.side()) ? "需求方" : "平台工作人员";
        return List.of(new NoticeDraft(NoticeKind.TICKET_MESSAGE, Audience.team(e.teamId()), who + "发来新消息",
                who + "在工单对话中发来一条新消息。", "/tickets/" + e.ticketId() + "#messages"));
    }

    public List<NoticeDraft> reviewDecided(ReviewDecided e) {
        String org = Audience.leadUnit(e.leadUnitCreditCode());
        String link = "/applications/" + e.applicationId();
        String reasons = e.reasons() == null || e.reasons().isEmpty() ? "" : "意见：" + String.join("；", e.reasons());
        return switch (e.decision()) {
            case CHANGES_REQUESTED -> List.of(new NoticeDraft(NoticeKind.APPLICATION_CHANGES_REQUESTED, org,
                    "服务团申报需要修改", "审核人员要求修改服务团申报后再提交。" + reasons, link));
            case APPROVED -> List.of(new NoticeDraft(NoticeKind.APPLICATION_DECIDED, org, "服务团申报已通过审核",
                    "服务团申报已通过审核，服务团即将启用。", link));
            case REJECTED -> List.of(new NoticeDraft(NoticeKind.APPLICATION_DECIDED, org, "服务团申报未通过审核",
                    "服务团申报未通过审核。" + reasons, link));
        };
    }

    public List<NoticeDraft> reviewCaseAssigned(ReviewCaseAssigned e) {
        return List.of(new NoticeDraft(NoticeKind.REVIEW_CASE_ASSIGNED, Audience.user(e.reviewer()), "新的审核任务",
                "运营人员将一份服务团申报分配给您审核。", "/reviews/" + e.caseId()));
    }

    public List<NoticeDraft> teamStatus(TeamStatusChanged e) {
        return List.of(new NoticeDraft(NoticeKind.TEAM_STATUS_CHANGED, Audience.leadUnit(e.leadUnitCreditCode()),
                "服务团状态变更", teamName(e.teamId()) + "的状态由「" + TEAM_STATUS.getOrDefault(e.from(), orDash(e.from()))
                        + "」变为「" + TEAM_STATUS.getOrDefault(e.to(), e.to()) + "」" + reason(e.reason()),
                "/teams/" + e.teamId()));
    }

    public List<NoticeDraft> uploadDueSoon(UploadDueSoon e) {
        return toLeadUnit(e.teamId(), lu -> new NoticeDraft(NoticeKind.UPLOAD_DUE_SOON, lu, "材料即将到期",
                teamName(e.teamId()) + "的" + UPLOAD_KIND.getOrDefault(e.kind(), e.kind()) + "（" + e.period()
                        + "）将于 " + day(e.dueDate()) + " 到期，尚未上传。", "/teams/" + e.teamId() + "/uploads"));
    }

    public List<NoticeDraft> uploadOverdue(UploadOverdue e) {
        return toLeadUnit(e.teamId(), lu -> new NoticeDraft(NoticeKind.UPLOAD_OVERDUE, lu, "材料逾期未交",
                teamName(e.teamId()) + "的" + UPLOAD_KIND.getOrDefault(e.kind(), e.kind()) + "（" + e.period()
                        + "）已于 " + day(e.dueDate()) + " 到期，尚未上传。", "/teams/" + e.teamId() + "/uploads"));
    }

    /** The lead unit hears that staff accepted a version of its team's upload, or returned it and why. */
    public List<NoticeDraft> uploadReviewed(UploadReviewed e) {
        String what = teamName(e.teamId()) + "的" + UPLOAD_KIND.getOrDefault(e.kind(), e.kind()) + "（" + e.period()
                + "）第 " + e.version() + " 版";
        String link = "/teams/" + e.teamId() + "/uploads";
        if (UploadReviewed.RETURNED.equals(e.decision())) {
            return toLeadUnit(e.teamId(), lu -> new NoticeDraft(NoticeKind.UPLOAD_RETURNED, lu, "材料被退回",
                    what + "被退回，意见：" + orDash(e.comment()) + "。请上传新版本，截止日期 " + day(e.dueDate())
                            + " 不变。", link));
        }
        return toLeadUnit(e.teamId(), lu -> new NoticeDraft(NoticeKind.UPLOAD_ACCEPTED, lu, "材料审核通过",
                what + "已通过审核" + (e.comment() == null || e.comment().isBlank() ? "。" : "，意见：" + e.comment() + "。"),
                link));
    }

    public List<NoticeDraft> complaintFiled(ComplaintFiled e) {
        return List.of(new NoticeDraft(NoticeKind.COMPLAINT_RECEIVED, Audience.leadUnit(e.leadUnitCreditCode()),
                "收到对服务团的投诉", "公众对" + teamName(e.teamId()) + "提出了投诉，可在决定前答复一次。",
                "/complaints/" + e.complaintId()));
    }

    public List<NoticeDraft> assessmentPublished(AssessmentPublished e) {
        return List.of(new NoticeDraft(NoticeKind.ASSESSMENT_PUBLISHED, Audience.leadUnit(e.leadUnitCreditCode()),
                e.year() + " 年度考核结果已发布", teamName(e.teamId()) + "的 " + e.year() + " 年度考核等级为「"
                        + e.grade() + "」。", "/teams/" + e.teamId() + "/assessments/" + e.year()));
    }

    /** Issue 21: an upheld appeal corrected a published grade. */
    public List<NoticeDraft> gradeCorrected(GradeCorrected e) {
        return List.of(new NoticeDraft(NoticeKind.ASSESSMENT_PUBLISHED, Audience.leadUnit(e.leadUnitCreditCode()),
                e.year() + " 年度考核等级经申诉改正", teamName(e.teamId()) + "的 " + e.year() + " 年度考核等级由「"
                        + e.previousGrade() + "」改为「" + e.grade() + "」" + reason(e.reason()),
                "/teams/" + e.teamId() + "/assessments/" + e.year()));
    }

    public List<NoticeDraft> feeViolation(FeeViolationFlagged e) {
        return List.of(new NoticeDraft(NoticeKind.FEE_VIOLATION_FLAGGED, Audience.role(Roles.OPERATOR),
                "发现违规收费线索", teamName(e.teamId()) + "的活动申报了以服务团名义收取的费用 " + e.amount().toPlainString()
                        + " 元，待运营人员认定。", "/fee-violations/" + e.violationId()));
    }

    /** Operators hear that events failed to be consumed and wait in a dead-letter topic for replay. */
    public static List<NoticeDraft> deadLetters(String topic, long added) {
        return List.of(new NoticeDraft(NoticeKind.DEAD_LETTERS_WAITING, Audience.role(Roles.OPERATOR), "死信待处理",
                topic + " 新增 " + added + " 条死信（消费失败的事件），请查看原因并重放。", "/operations/dead-letters?topic="
                        + topic));
    }

    private List<NoticeDraft> toLeadUnit(UUID teamId, Function<String, NoticeDraft> draft) {
        return Optional.ofNullable(teams.apply(teamId)).map(t -> List.of(draft.apply(Audience.leadUnit(
                t.leadUnitCreditCode())))).orElse(List.of());
    }

    private String teamName(UUID teamId) {
        TeamRef team = teams.apply(teamId);
        return team == null ? "服务团" : "服务团「" + team.name() + "」";
    }

    private static Instant due(TicketChanged e) {
        return "FIRST_RESPONSE".equals(e.overdue()) ? e.firstResponseDue() : e.resolutionDue();
    }

    private static String at(Instant instant) {
        return instant == null ? "—" : MINUTE.format(instant);
    }

    private static String day(LocalDate date) {
        return date == null ? "—" : date.toString();
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "。" : "，原因：" + reason + "。";
    }
}
