package cn.org.kczg.teams.activity.notification;

import java.util.Arrays;
import java.util.Optional;

/** What a notice is about; {@link #wire} is the {@code kind} clients see and choose channels by. */
public enum NoticeKind {
    TICKET_ASSIGNED("ticket.assigned", "工单指派"),
    TICKET_INFO_RECEIVED("ticket.info-received", "需求方补充信息"),
    TICKET_MESSAGE("ticket.message", "需求方留言"),
    TICKET_SLA_WARNING("ticket.sla-warning", "工单即将超时"),
    TICKET_OVERDUE("ticket.overdue", "工单已超时"),
    APPLICATION_DECIDED("application.decided", "申报审核结果"),
    APPLICATION_CHANGES_REQUESTED("application.changes-requested", "申报需修改"),
    TEAM_STATUS_CHANGED("team.status-changed", "服务团状态变更"),
    UPLOAD_DUE_SOON("upload.due-soon", "材料即将到期"),
    UPLOAD_OVERDUE("upload.overdue", "材料逾期未交"),
    UPLOAD_ACCEPTED("upload.accepted", "材料审核通过"),
    UPLOAD_RETURNED("upload.returned", "材料被退回"),
    COMPLAINT_RECEIVED("complaint.received", "收到投诉"),
    ASSESSMENT_PUBLISHED("assessment.published", "考核结果发布"),
    REVIEW_CASE_ASSIGNED("review.case-assigned", "审核任务分配"),
    FEE_VIOLATION_FLAGGED("fee-violation.flagged", "违规收费线索"),
    DEAD_LETTERS_WAITING("dead-letters.waiting", "死信待处理");

    public final String wire;
    public final String label;

    NoticeKind(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public static Optional<NoticeKind> ofWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }
}
