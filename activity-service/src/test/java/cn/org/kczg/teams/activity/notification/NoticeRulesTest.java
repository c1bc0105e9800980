package cn.org.kczg.teams.activity.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import cn.org.kczg.teams.kit.security.Caller;
import cn.org.kczg.teams.platform.security.Roles;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.junit.jupiter.api.Test;

class NoticeRulesTest {
    private static final UUID TEAM = UUID.fromString("c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f");
    private static final String UNIT = "91350100M000100Y43";
    private static final Instant DUE = Instant.parse("2026-12-02T02:00:00Z");
    private final NoticeRules rules = new NoticeRules(id -> TEAM.equals(id)
            ? new NoticeRules.TeamRef("“科创中国”智能制造科技服务团", UNIT) : null);

    private static TicketChanged ticket(String type, String overdue) {
        return new TicketChanged(type, UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"), "feeder", "XQ-1", TEAM,
                UNIT, "NEW", "ASSIGNED", null, "智能制造", "苏州市", List.of("TECH_TRANSFER"), DUE, DUE.plusSeconds(86_400),
                overdue, DUE.minusSeconds(3_600));
    }

    @Test
    void aTeamHearsOfItsTicketsInChineseWithTheDueTimeInBeijingTime() {
        NoticeDraft assigned = rules.ticket(ticket(TicketChanged.ASSIGNED, null)).get(0);
        assertEquals(NoticeKind.TICKET_ASSIGNED, assigned.kind());
        assertEquals("team:" + TEAM, assigned.audience());
        assertEquals("/tickets/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", assigned.link());
        assertTrue(assigned.body().contains("2026-12-02 10:00"), assigned.body());
        assertEquals(NoticeKind.TICKET_INFO_RECEIVED, rules.ticket(ticket(TicketChanged.RESUMED, null)).get(0).kind());
        NoticeDraft warning = rules.ticket(ticket(TicketChanged.SLA_WARNING, "FIRST_RESPONSE")).get(0);
        assertEquals(NoticeKind.TICKET_SLA_WARNING, warning.kind());
        assertTrue(warning.body().contains("首次响应"), warning.body());
        NoticeDraft overdue = rules.ticket(ticket(TicketChanged.OVERDUE, "RESOLUTION")).get(0);
        assertTrue(overdue.body().contains("办结") && overdue.body().contains("2026-12-03 10:00"), overdue.body());
        assertEquals(List.of(), rules.ticket(ticket(TicketChanged.ACCEPTED, null)));
    }

    @Test
    void theTeamIsToldWhatTheDemandSideWroteButNotItsOwnWordsOrInternalNotes() {
        UUID ticket = UUID.randomUUID();
        assertEquals(NoticeKind.TICKET_MESSAGE, rules.message(new TicketMessagePosted(ticket, "feeder", TEAM, UNIT, 1L,
                "DEMAND", false, DUE)).get(0).kind());
        assertEquals(List.of(), rules.message(new TicketMessagePosted(ticket, "feeder", TEAM, UNIT, 2L, "TEAM", false, DUE)));
        assertEquals(List.of(), rules.message(new TicketMessagePosted(ticket, "feeder", TEAM, UNIT, 3L, "STAFF", true, DUE)));
    }

    @Test
    void theLeadUnitHearsOfDecisionsStatusUploadsComplaintsAndGrades() {
        UUID application = UUID.randomUUID();
        NoticeDraft changes = rules.reviewDecided(new ReviewDecided(UUID.randomUUID(), application, UNIT,
                ReviewDecided.Decision.CHANGES_REQUESTED, List.of("补充团队成员名单"), "r1", DUE, List.of())).get(0);
        assertEquals(NoticeKind.APPLICATION_CHANGES_REQUESTED, changes.kind());
        assertEquals("org:" + UNIT, changes.audience());
        assertEquals("/applications/" + application, changes.link());
        assertTrue(changes.body().contains("补充团队成员名单"));
        assertEquals(NoticeKind.APPLICATION_DECIDED, rules.reviewDecided(new ReviewDecided(UUID.randomUUID(),
                application, UNIT, ReviewDecided.Decision.APPROVED, List.of(), "r1", DUE, List.of())).get(0).kind());
        NoticeDraft status = rules.teamStatus(new TeamStatusChanged(TEAM, UNIT, "ACTIVE", "SUSPENDED", "未按期报送", DUE))
                .get(0);
        assertTrue(status.body().contains("“科创中国”智能制造科技服务团") && status.body().contains("「暂停」")
                && status.body().contains("未按期报送"), status.body());
        NoticeDraft soon = rules.uploadDueSoon(new UploadDueSoon(TEAM, "PROGRESS", "2026-Q4", LocalDate.of(2027, 1, 15)))
                .get(0);
        assertEquals(NoticeKind.UPLOAD_DUE_SOON, soon.kind());
        assertEquals("org:" + UNIT, soon.audience());
        assertTrue(soon.body().contains("工作进展") && soon.body().contains("2027-01-15"), soon.body());
        assertEquals(NoticeKind.UPLOAD_OVERDUE, rules.uploadOverdue(new UploadOverdue(TEAM, "THINK_TANK_REPORT",
                "2026-H1", LocalDate.of(2026, 7, 15))).get(0).kind());
        assertEquals(List.of(), rules.uploadOverdue(new UploadOverdue(UUID.randomUUID(), "PROGRESS", "2026-Q3",
                LocalDate.of(2026, 10, 15))), "a team activity-service does not know has no lead unit to tell");
        assertEquals(NoticeKind.COMPLAINT_RECEIVED, rules.complaintFiled(new ComplaintFiled(UUID.randomUUID(), TEAM,
                UNIT, "FEE_CHARGED", 2026)).get(0).kind());
        NoticeDraft grade = rules.assessmentPublished(new AssessmentPublished(TEAM, UNIT, 2026, UUID.randomUUID(),
                new BigDecimal("91.5"), "优秀", "优秀")).get(0);
        assertTrue(grade.title().contains("2026") && grade.body().contains("优秀"), grade.body());
    }

    @Test
    void theLeadUnitHearsWhyAnUploadWasReturnedAndThatTheDueDateHolds() {
        UUID upload = UUID.randomUUID();
        NoticeDraft returned = rules.uploadReviewed(new UploadReviewed(upload, TEAM, "PROGRESS", "2026-Q3", 2,
                UploadReviewed.RETURNED, "缺少活动照片", LocalDate.of(2026, 10, 15))).get(0);
        assertEquals(NoticeKind.UPLOAD_RETURNED, returned.kind());
        assertEquals("org:" + UNIT, returned.audience());
        assertTrue(returned.body().contains("工作进展（2026-Q3）第 2 版") && returned.body().contains("缺少活动照片")
                && returned.body().contains("2026-10-15"), returned.body());
        NoticeDraft accepted = rules.uploadReviewed(new UploadReviewed(upload, TEAM, "THINK_TANK_REPORT", "2026-H1", 1,
                UploadReviewed.ACCEPTED, null, LocalDate.of(2026, 7, 15))).get(0);
        assertEquals(NoticeKind.UPLOAD_ACCEPTED, accepted.kind());
        assertTrue(accepted.body().contains("智库报告") && accepted.body().endsWith("已通过审核。"), accepted.body());
        assertEquals(List.of(), rules.uploadReviewed(new UploadReviewed(upload, UUID.randomUUID(), "PROGRESS",
                "2026-Q3", 1, UploadReviewed.ACCEPTED, null, LocalDate.of(2026, 10, 15))));
    }

    @Test
    void theLeadUnitHearsThatAnAppealCorrectedItsTeamsGrade() {
        NoticeDraft corrected = rules.gradeCorrected(new GradeCorrected(TEAM, UNIT, 2026, UUID.randomUUID(), "POOR",
                "PASS", UUID.randomUUID(), "申诉改判：扣分有误")).get(0);
        assertEquals(NoticeKind.ASSESSMENT_PUBLISHED, corrected.kind());
        assertEquals("org:" + UNIT, corrected.audience());
        assertTrue(corrected.body().contains("「POOR」改为「PASS」，原因：申诉改判：扣分有误。"), corrected.body());
    }

    @Test
    void aReviewerHearsOfTheCaseGivenToThemAndOperatorsOfFeeViolations() {
        NoticeDraft assigned = rules.reviewCaseAssigned(new ReviewCaseAssigned(UUID.randomUUID(), UUID.randomUUID(),
                "reviewer-wang", "op", DUE)).get(0);
        assertEquals("user:reviewer-wang", assigned.audience());
        NoticeDraft fee = rules.feeViolation(new FeeViolationFlagged(UUID.randomUUID(), UUID.randomUUID(), TEAM, UNIT,
                2026, new BigDecimal("2000.00"), "参会企业")).get(0);
        assertEquals("role:operator", fee.audience());
        assertTrue(fee.body().contains("2000.00"), fee.body());
    }

    @Test
    void aCallerReadsTheAudiencesItsTokenGivesIt() {
        assertEquals(List.of("user:h1", "team:t1", "team:t2"), Audience.of(new Caller("h1", Set.of(Roles.HANDLER), null,
                Set.of("t2", "t1"), null)));
        assertEquals(List.of("user:lu", "org:" + UNIT), Audience.of(new Caller("lu", Set.of(Roles.LEAD_UNIT), UNIT,
                Set.of(), null)));
        assertEquals(List.of("user:op", "role:operator"), Audience.of(new Caller("op", Set.of(Roles.OPERATOR), UNIT,
                Set.of(), null)), "an operator's org claim is no lead unit's audience");
    }

    @Test
    void theListsKindParameterOffersEveryKind() throws NoSuchMethodException {
        var list = NotificationResource.class.getMethod("list", Boolean.class, String.class, Integer.class,
                Integer.class);
        var parameter = list.getParameters()[1].getAnnotation(Parameter.class);
        assertEquals(Arrays.stream(NoticeKind.values()).map(k -> k.wire).toList(),
                List.of(parameter.schema().enumeration()));
    }
}
