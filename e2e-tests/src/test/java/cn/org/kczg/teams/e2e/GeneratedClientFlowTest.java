package cn.org.kczg.teams.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.client.ApiClient;
import cn.org.kczg.teams.client.ApiException;
import cn.org.kczg.teams.client.api.DemandHallApi;
import cn.org.kczg.teams.client.api.LeadUnitEligibilityApi;
import cn.org.kczg.teams.client.api.LeadUnitsApi;
import cn.org.kczg.teams.client.api.QualificationReviewApi;
import cn.org.kczg.teams.client.api.TeamApplicationsApi;
import cn.org.kczg.teams.client.model.ApplicationDraft;
import cn.org.kczg.teams.client.model.ApplicationPatch;
import cn.org.kczg.teams.client.model.ApplicationView;
import cn.org.kczg.teams.client.model.CommittedResources;
import cn.org.kczg.teams.client.model.DemandHallHandler;
import cn.org.kczg.teams.client.model.EligibilityView;
import cn.org.kczg.teams.client.model.LeadUnitCategory;
import cn.org.kczg.teams.client.model.LeadUnitContact;
import cn.org.kczg.teams.client.model.LeadUnitView;
import cn.org.kczg.teams.client.model.PartnerUnit;
import cn.org.kczg.teams.client.model.Problem;
import cn.org.kczg.teams.client.model.PushTicket;
import cn.org.kczg.teams.client.model.RegisterLeadUnit;
import cn.org.kczg.teams.client.model.ReviewApproval;
import cn.org.kczg.teams.client.model.ReviewStatus;
import cn.org.kczg.teams.client.model.ReviewView;
import cn.org.kczg.teams.client.model.ServiceCategory;
import cn.org.kczg.teams.client.model.TeamApplicationStatus;
import cn.org.kczg.teams.client.model.TeamMember;
import cn.org.kczg.teams.client.model.TeamMemberRole;
import cn.org.kczg.teams.client.model.TicketAnswer;
import cn.org.kczg.teams.client.model.TicketAssignment;
import cn.org.kczg.teams.client.model.TicketDemandSide;
import cn.org.kczg.teams.client.model.TicketStatus;
import cn.org.kczg.teams.client.model.TicketView;
import cn.org.kczg.teams.testkit.TestCreditCodes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main flow as an integrator writes it: only the Java client generated from the checked-in API document
 * (api-client), typed on every step, problems read as the typed {@code Problem}. The document the suite serves must
 * be the checked-in one, so code, document and client cannot drift apart unnoticed.
 */
class GeneratedClientFlowTest {
    static final Path CHECKED_IN = Path.of("../api-client/src/main/openapi/kczg-api.json");
    static LaunchedSuite suite;

    @BeforeAll
    static void start() {
        TeamApplicationFlowTest.start(); // the shared suite, with this year's registration window open
        suite = LaunchedSuite.get();
    }

    /** A client as a partner would configure it: the gateway's address, a bearer token on every call, strict JSON. */
    static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(suite.gatewayUrl);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        // a field the document does not declare is drift: fail on it
        client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return client;
    }

    @Test
    void theSuiteServesTheDocumentTheClientWasGeneratedFrom() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String served = new SuiteHttp(suite.gatewayUrl).send("GET", "/q/openapi?format=json", null, null, null).body();
        JsonNode servedDocument = json.readTree(served);
        if (!servedDocument.equals(json.readTree(CHECKED_IN.toFile()))) {
            Path copy = Path.of("target/kczg-api.served.json");
            Files.writeString(copy, json.writerWithDefaultPrettyPrinter().writeValueAsString(servedDocument));
            throw new AssertionError("The gateway serves another API document than api-client/src/main/openapi/"
                    + "kczg-api.json, from which the client is generated. If the change is meant, copy "
                    + copy.toAbsolutePath() + " there and rebuild (see docs/architecture.md, The API document).");
        }
    }

    @Test
    void theMainFlowThroughTheGeneratedClientOnly() throws Exception {
        String code = TestCreditCodes.fresh("5110");
        String leadUnitToken = suite.token("lead-unit", "--org", code, "--sub", "client-lu-" + code);
        ApiClient asLeadUnit = client(leadUnitToken);

        // 1. the lead unit registers; eligibility follows over Kafka
        RegisterLeadUnit registration = new RegisterLeadUnit().creditCode(code).name("中国生成客户端学会")
                .category(LeadUnitCategory.NATIONAL_SOCIETY)
                .contact(new LeadUnitContact().name("李华").phone("010-68595000").email("lihua@example.org.cn"));
        LeadUnitView registered = new LeadUnitsApi(asLeadUnit).registerLeadUnit(registration);
        assertEquals(code, registered.getCreditCode());
        assertEquals(LeadUnitCategory.NATIONAL_SOCIETY, registered.getCategory());
        EligibilityView eligibility = Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreException(
                ApiException.class).until(() -> new LeadUnitEligibilityApi(asLeadUnit).getLeadUnitEligibility(code),
                view -> view != null);
        assertTrue(eligibility.getEligible());

        // a second registration is a typed problem: Chinese by default, English on request, the same code
        ApiException again = assertThrows(ApiException.class,
                () -> new LeadUnitsApi(asLeadUnit).registerLeadUnit(registration));
        Problem chinese = problem(asLeadUnit, again);
        assertEquals(409, again.getCode(), again.getResponseBody());
        assertEquals("lead-unit-exists", chinese.getCode());
        assertEquals("冲突", chinese.getTitle());
        ApiException inEnglish = assertThrows(ApiException.class,
                () -> new LeadUnitsApi(asLeadUnit).registerLeadUnit(registration, Map.of("Accept-Language", "en")));
        Problem english = problem(asLeadUnit, inEnglish);
        assertEquals("lead-unit-exists", english.getCode());
        assertEquals("Conflict", english.getTitle());
        assertFalse(english.getDetail().equals(chinese.getDetail()));

        // 2. an application, drafted, completed by a merge patch that leaves the rest alone, and submitted
        TeamApplicationsApi applications = new TeamApplicationsApi(asLeadUnit);
        String handlerUser = "client-handler-" + code;
        ApplicationView draft = applications.createApplication(new ApplicationDraft()
                .name("“科创中国”生成客户端科技服务团").categories(List.of(ServiceCategory.TECH_DISSEMINATION,
                        ServiceCategory.RD_SUPPORT))
                .pilotCities(List.of("苏州市")).keyFields(List.of("智能制造")).experience("五年产学研合作")
                .distinctiveServices("产线诊断").organisingCapacity("12个专业委员会").workFoundation("服务企业200余家")
                .resourcesCommitted(new CommittedResources().text("专职人员与经费").yearlyBudget(new BigDecimal("500000"))
                        .staff(6))
                .continuityPlan("季度例会").partnerUnits(List.of(new PartnerUnit().name("苏州工业园区管委会").duties("对接企业需求")))
                .members(List.of(new TeamMember().name("张伟").field("机械工程").title("教授").affiliation("清华大学")
                        .role(TeamMemberRole.LEADER)))
                .handler(new DemandHallHandler().name("赵强").phone("13800138000").email("zq@example.org.cn")
                        .userId(handlerUser)));
        assertEquals(TeamApplicationStatus.DRAFT, draft.getStatus());
        ApplicationView patched = applications.updateApplication(draft.getId(),
                new ApplicationPatch().experience("十年产学研合作"));
        assertEquals("十年产学研合作", patched.getExperience());
        assertEquals(draft.getCategories(), patched.getCategories(), "a field the patch does not name stays");
        assertEquals(List.of("苏州市"), patched.getPilotCities());
        assertEquals(TeamApplicationStatus.SUBMITTED, applications.submitApplication(draft.getId()).getStatus());

        // 3. the reviewer claims and approves the case review-service opened; the team becomes active
        QualificationReviewApi reviews = new QualificationReviewApi(client(suite.token("reviewer", "--sub",
                "client-reviewer")));
        ReviewView opened = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> reviews.listReviewCases(
                null, null, null, null, draft.getId(), null, null, null).getItems(), items -> items.size() == 1).get(0);
        assertEquals(ReviewStatus.PENDING, opened.getStatus());
        reviews.claimReviewCase(opened.getId());
        assertEquals(ReviewStatus.APPROVED, reviews.approveReviewCase(opened.getId(),
                new ReviewApproval().reason("符合第五条、第八条")).getStatus());
        UUID teamId = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> applications.getApplication(draft.getId()).getTeamId(), id -> id != null);

        // 4. the demand hall: a partner pushes a demand, the operator assigns it, the handler answers, the partner closes
        ApiClient asPartner = client(suite.token("partner", "--partner", "client-partner"));
        TicketView pushed = new DemandHallApi(asPartner).pushTicket(new PushTicket().projectName("产线柔性装配改造")
                .industryField("智能制造").technicalProblems("多品种小批量柔性装配").region("苏州市")
                .demandSide(new TicketDemandSide().name("苏州某精密机械有限公司")).externalId("CLIENT-" + UUID.randomUUID())
                .categories(List.of(ServiceCategory.TECH_TRANSFER)).keywords(List.of("机器人")), null);
        assertEquals(TicketStatus.NEW, pushed.getStatus());
        DemandHallApi asOperator = new DemandHallApi(client(suite.token("operator")));
        assertEquals(TicketStatus.ASSIGNED, Awaitility.await().atMost(Duration.ofSeconds(60))
                .ignoreException(ApiException.class).until(() -> asOperator.assignTicket(pushed.getId(),
                        new TicketAssignment().teamId(teamId).reason("最佳匹配")), view -> view != null).getStatus());
        DemandHallApi asHandler = new DemandHallApi(client(suite.token("handler", "--teams", teamId.toString(),
                "--sub", handlerUser)));
        assertEquals(TicketStatus.ACCEPTED, asHandler.acceptTicket(pushed.getId()).getStatus());
        asHandler.answerTicket(pushed.getId(), new TicketAnswer().text("建议采用柔性夹具与视觉定位").links(List.of()));
        assertEquals(TicketStatus.RESOLVED, asHandler.resolveTicket(pushed.getId()).getStatus());
        TicketView closed = new DemandHallApi(asPartner).closeTicket(pushed.getId());
        assertEquals(TicketStatus.CLOSED, closed.getStatus());
        assertNotNull(closed.getHistory());
        assertTrue(closed.getHistory().size() >= 5, "the full history: " + closed.getHistory());
    }

    private static Problem problem(ApiClient client, ApiException e) throws Exception {
        assertTrue(e.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }
}
