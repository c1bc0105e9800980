package cn.org.kczg.teams.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.events.activity.ActivityCorrected;
import cn.org.kczg.teams.events.activity.ActivityReported;
import cn.org.kczg.teams.events.activity.ActivityWithdrawn;
import cn.org.kczg.teams.events.activity.CertificateChanged;
import cn.org.kczg.teams.events.activity.ParticipationChanged;
import cn.org.kczg.teams.events.activity.ComplaintDecided;
import cn.org.kczg.teams.events.activity.ComplaintFiled;
import cn.org.kczg.teams.events.activity.ComplaintResponded;
import cn.org.kczg.teams.events.activity.FeeViolationDecided;
import cn.org.kczg.teams.events.activity.FeeViolationFlagged;
import cn.org.kczg.teams.events.activity.LibraryEntryChanged;
import cn.org.kczg.teams.events.activity.TicketChanged;
import cn.org.kczg.teams.events.activity.TicketMessagePosted;
import cn.org.kczg.teams.events.activity.TicketRated;
import cn.org.kczg.teams.events.activity.UploadDueSoon;
import cn.org.kczg.teams.events.activity.UploadOverdue;
import cn.org.kczg.teams.events.activity.UploadReceived;
import cn.org.kczg.teams.events.activity.UploadReviewed;
import cn.org.kczg.teams.events.evaluation.AssessmentPublished;
import cn.org.kczg.teams.events.evaluation.GradeCorrected;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanLifted;
import cn.org.kczg.teams.events.evaluation.TeamDisqualificationReversed;
import cn.org.kczg.teams.events.evaluation.LeadUnitBanned;
import cn.org.kczg.teams.events.evaluation.TeamStableSupport;
import cn.org.kczg.teams.events.evaluation.TeamDisqualified;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased;
import cn.org.kczg.teams.events.registration.ApplicationSubmitted;
import cn.org.kczg.teams.events.registration.ApplicationWithdrawn;
import cn.org.kczg.teams.events.registration.Handler;
import cn.org.kczg.teams.events.registration.LeadUnitRegistered;
import cn.org.kczg.teams.events.registration.LeadUnitUpdated;
import cn.org.kczg.teams.events.registration.TeamActivated;
import cn.org.kczg.teams.events.registration.TeamHandlerChanged;
import cn.org.kczg.teams.events.registration.TeamMembersChanged;
import cn.org.kczg.teams.events.registration.TeamPartnersChanged;
import cn.org.kczg.teams.events.registration.TeamStatusChanged;
import cn.org.kczg.teams.events.review.ReviewCaseAssigned;
import cn.org.kczg.teams.events.review.ReviewDecided;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire format is a contract with other services: these files may only grow. After an intended,
 * additive change, regenerate with {@code mvn test -pl common/events -Dgolden.update=true} and review
 * the diff. One removal so far: the handler's phone and e-mail (issue 24, data minimisation) — readers ignore unknown
 * fields, so events written before are still read ({@link #aHandlerEventWrittenBeforeWithPhoneAndEmailIsStillRead}).
 */
class GoldenEventJsonTest {
    private static final Path GOLDEN = Path.of("src/test/resources/events");
    private static final UUID EVENT_ID = UUID.fromString("0b8f8f5e-3d6c-4a53-9d44-6f1c2f2f0c01");
    private static final UUID APPLICATION = UUID.fromString("6e1f3c57-95a4-4f8a-9d0e-2c1b7f4a8e10");
    private static final UUID TEAM = UUID.fromString("c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f");
    private static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");
    private static final String SOCIETY = "91350100M000100Y43";
    private static final Handler HANDLER = new Handler("赵强", "handler-zhaoqiang",
            List.of("handler-sunli"));

    static Stream<EventPayload> payloads() {
        return Stream.of(
                new ErasureRequested(UUID.fromString("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"), "vol-wangfang", null,
                        "erased-3f2a9c1d7e6b5a48", "operator-liwei"),
                new PersonalDataErased(UUID.fromString("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"), "activity-service", AT,
                        List.of(new PersonalDataErased.Item("Participation", List.of("volunteer", "volunteerName"), 3))),
                new LeadUnitRegistered(SOCIETY, "中国机械工程学会", "NATIONAL_SOCIETY"),
                new LeadUnitUpdated(SOCIETY, "中国机械工程学会", "NATIONAL_SOCIETY", "PROVINCIAL_SOCIETY"),
                new TeamPartnersChanged(TEAM, SOCIETY, List.of(new TeamPartnersChanged.Partner("苏州工业园区管委会",
                        "11320500014160000T"), new TeamPartnersChanged.Partner("某协作单位", null)), AT),
                new ApplicationSubmitted(APPLICATION, 1, 2026, SOCIETY, "中国机械工程学会", "NATIONAL_SOCIETY",
                        "“科创中国”智能制造产业科技服务团", "智能制造产业", List.of("TECH_DISSEMINATION", "RD_SUPPORT"),
                        List.of("苏州市"), List.of("长三角"), List.of("智能制造"), 2, 1, 1, true, "已服务企业200余家",
                        new ApplicationSubmitted.Resources("专职人员与年度经费", new BigDecimal("500000"), 6),
                        "年度计划与季度例会", AT),
                new ApplicationWithdrawn(APPLICATION, SOCIETY, 2026, AT),
                new ReviewDecided(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), APPLICATION, SOCIETY,
                        ReviewDecided.Decision.APPROVED, List.of("符合第五条、第八条"), "reviewer-1", AT,
                        List.of(new ReviewDecided.CheckOverride("QUOTA", "该学会承担国家重大专项，经研究同意超出名额一个"))),
                new TeamActivated(TEAM, APPLICATION, "“科创中国”智能制造产业科技服务团", SOCIETY, "中国机械工程学会",
                        "NATIONAL_SOCIETY", 2026, "智能制造产业", List.of("TECH_DISSEMINATION"), List.of("苏州市"),
                        List.of(), List.of("智能制造"), HANDLER, AT, "工业机器人应用与产线改造", "已服务企业200余家",
                        List.of("机械工程", "自动化")),
                new TeamStatusChanged(TEAM, SOCIETY, "ACTIVE", "REVOKED", "违反第十六条", AT),
                new TeamHandlerChanged(TEAM, HANDLER, AT),
                new TeamMembersChanged(TEAM, 3, AT, List.of("机械工程", "自动化", "机械工程")),
                new TeamDisqualified(TEAM, 2026, "年度考核结果为差", AT),
                new AssessmentPublished(TEAM, SOCIETY, 2026, UUID.fromString("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d"),
                        new BigDecimal("92.50"), "EXCELLENT", "EXCELLENT"),
                new TeamStableSupport(TEAM, SOCIETY, 2026),
                new LeadUnitBanned(UUID.fromString("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"), SOCIETY, "SCIENTIFIC",
                        LocalDate.parse("2026-01-15"), LocalDate.parse("2029-01-15"), "学术不端"),
                new GradeCorrected(TEAM, SOCIETY, 2026, UUID.fromString("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d"), "POOR",
                        "PASS", UUID.fromString("c5d6e7f8-0912-4a3b-9c4d-e5f6a7b8c9d0"), "经复核，扣分项认定有误，改判合格"),
                new TeamDisqualificationReversed(TEAM, 2026, UUID.fromString("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"),
                        UUID.fromString("c5d6e7f8-0912-4a3b-9c4d-e5f6a7b8c9d0"), "经复核，处分所依据的事实不成立", AT),
                new LeadUnitBanLifted(UUID.fromString("1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"), SOCIETY,
                        "经复核，处分所依据的事实不成立", AT),
                new TicketChanged(TicketChanged.ASSIGNED, UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"),
                        "kczg-demand-feeder", "XQ-2026-0001", TEAM, SOCIETY, "NEW", "ASSIGNED", "最佳匹配",
                        "智能制造", "苏州市", List.of("TECH_TRANSFER"), AT.plusSeconds(172_800),
                        AT.plusSeconds(864_000), null, AT),
                new TicketRated(UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"), "kczg-demand-feeder", TEAM,
                        SOCIETY, 4, AT),
                new TicketMessagePosted(UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"), "kczg-demand-feeder",
                        TEAM, SOCIETY, 7L, "TEAM", false, AT),
                new ActivityReported(UUID.fromString("4d5e6f70-8192-4a3b-9c4d-5e6f7a8b9c0d"), TEAM, SOCIETY, 2026,
                        "TECH_DISSEMINATION", "CONFERENCE", "长三角智能制造技术交流会", LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"),
                        "苏州市", "苏州工业园区", "PILOT", 300, 45, 3, 2, 1, 60, BigDecimal.ZERO),
                new ActivityCorrected(UUID.fromString("4d5e6f70-8192-4a3b-9c4d-5e6f7a8b9c0d"), TEAM, SOCIETY, 2026,
                        "TECH_DISSEMINATION", "CONFERENCE", "长三角智能制造技术交流会", LocalDate.parse("2026-11-20"),
                        LocalDate.parse("2026-11-21"), "苏州市", "苏州工业园区", "PILOT", 280, 45, 4, 2, 1, 60,
                        BigDecimal.ZERO, List.of("participants", "outcomes.agreementsSigned")),
                new ActivityWithdrawn(UUID.fromString("4d5e6f70-8192-4a3b-9c4d-5e6f7a8b9c0d"), TEAM, SOCIETY, 2026,
                        "重复报送，与另一条活动记录为同一场活动"),
                new FeeViolationFlagged(UUID.fromString("5e6f7081-92a3-4b4c-8d5e-6f7a8b9c0d1e"),
                        UUID.fromString("4d5e6f70-8192-4a3b-9c4d-5e6f7a8b9c0d"), TEAM, SOCIETY, 2026,
                        new BigDecimal("2000.00"), "参会企业"),
                new FeeViolationDecided(UUID.fromString("5e6f7081-92a3-4b4c-8d5e-6f7a8b9c0d1e"),
                        UUID.fromString("4d5e6f70-8192-4a3b-9c4d-5e6f7a8b9c0d"), TEAM, 2026, "UPHELD", "以服务团名义收取会务费"),
                new ComplaintFiled(UUID.fromString("6f708192-a3b4-4c5d-9e6f-7a8b9c0d1e2f"), TEAM, SOCIETY, "FEE_CHARGED", 2026),
                new ComplaintResponded(UUID.fromString("6f708192-a3b4-4c5d-9e6f-7a8b9c0d1e2f"), TEAM, SOCIETY, 2026),
                new ComplaintDecided(ComplaintDecided.UPHELD, UUID.fromString("6f708192-a3b4-4c5d-9e6f-7a8b9c0d1e2f"),
                        TEAM, "FEE_CHARGED", 2026, "经核实收取了咨询费"),
                new LibraryEntryChanged(LibraryEntryChanged.PUBLISHED,
                        UUID.fromString("708192a3-b4c5-4d6e-8f70-8192a3b4c5d6"), TEAM, "OPEN_SOURCE", "PUBLISHED", null, AT),
                new ParticipationChanged(ParticipationChanged.CONFIRMED, UUID.fromString("8192a3b4-c5d6-4e7f-9081-92a3b4c5d6e7"),
                        TEAM, UUID.fromString("4d5e6f70-8192-4a3b-9c4d-5e6f7a8b9c0d"), "volunteer-li",
                        new BigDecimal("6.5"), 2026, null),
                new CertificateChanged(CertificateChanged.ISSUED, UUID.fromString("92a3b4c5-d6e7-4f80-9192-a3b4c5d6e7f8"),
                        TEAM, "OUTSTANDING_MEMBER", 2026, null),
                new UploadReceived(UUID.fromString("a3b4c5d6-e7f8-4091-a2b3-c4d5e6f7a8b9"), TEAM, "PROGRESS", "2026-Q3",
                        LocalDate.parse("2026-10-15"), true, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                new UploadOverdue(TEAM, "THINK_TANK_REPORT", "2026-H1", LocalDate.parse("2026-07-15")),
                new UploadDueSoon(TEAM, "PROGRESS", "2026-Q4", LocalDate.parse("2027-01-15")),
                new UploadReviewed(UUID.fromString("a3b4c5d6-e7f8-4091-a2b3-c4d5e6f7a8b9"), TEAM, "PROGRESS", "2026-Q3", 1,
                        UploadReviewed.RETURNED, "缺少第三季度活动照片", LocalDate.parse("2026-10-15")),
                new ReviewCaseAssigned(UUID.fromString("b4c5d6e7-f809-4a1b-82c3-d4e5f6a7b8c9"), APPLICATION,
                        "reviewer-wang", "operator-zhao", AT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void wireFormatMatchesGoldenFile(EventPayload payload) throws IOException {
        EventEnvelope built = EventJson.envelope(payload, "producer-service", "req-1", AT);
        EventEnvelope envelope = new EventEnvelope(EVENT_ID, built.type(), built.version(), built.occurredAt(),
                built.aggregateType(), built.aggregateId(), built.producer(), built.correlationId(), built.payload());
        Path file = GOLDEN.resolve(payload.eventType() + ".json");
        String json = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(envelope);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "no golden file " + file + "; run with -Dgolden.update=true");
        JsonNode golden = EventJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(golden, EventJson.mapper().readTree(json));
        assertEquals(payload, EventJson.payload(EventJson.read(golden.toString()), payload.getClass()));
    }

    /** Issue 24: handlers travel without phone or e-mail; an event written before, with them, is still read. */
    @Test
    void aHandlerEventWrittenBeforeWithPhoneAndEmailIsStillRead() {
        String old = """
                {"eventId":"0b8f8f5e-3d6c-4a53-9d44-6f1c2f2f0c01","type":"team.handler-changed","version":1,
                 "occurredAt":"2026-11-27T08:00:00Z","aggregateType":"team",
                 "aggregateId":"c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f","producer":"registration-service",
                 "correlationId":"req-1","payload":{"teamId":"c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f",
                 "handler":{"name":"赵强","phone":"13800138000","email":"zhaoqiang@example.org.cn",
                 "userId":"handler-zhaoqiang","deputies":["handler-sunli"]},"changedAt":"2026-11-27T08:00:00Z"}}""";
        TeamHandlerChanged read = EventJson.payload(EventJson.read(old), TeamHandlerChanged.class);
        assertEquals(new TeamHandlerChanged(TEAM, HANDLER, AT), read);
        String written = EventJson.write(EventJson.envelope(read, "registration-service", "req-1", AT));
        assertTrue(!written.contains("13800138000") && !written.contains("zhaoqiang@example.org.cn"), written);
    }

    @Test
    void readRejectsTextThatIsNotAnEnvelope() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{not json"));
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{\"type\":\"x\"}"));
    }
}
