package cn.org.kczg.teams.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.kczg.teams.platform.problem.Problem;
import cn.org.kczg.teams.platform.problem.ProblemTexts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ParameterNameProvider;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where a problem's {@code errors[].field} comes from: the property path of a constraint violation ({@link
 * ProblemMappers#fieldOf}) and the reference path of a JSON mapping error ({@link ProblemMappers#fieldPath}), built
 * by the real Hibernate Validator and Jackson. The field names what the client sent: the resource method and its
 * body parameter are noise, a plain query parameter keeps its name.
 */
class ProblemFieldPathsTest {
    public record Contact(@Email String email, @NotBlank String phone) {
    }

    public record Member(@NotBlank String name, @Valid List<@Valid Contact> contacts) {
    }

    public record Team(@NotBlank String name, @Valid Contact contact, @Valid List<@NotNull Member> members,
            @Size(max = 2) List<@NotBlank String> keywords) {
    }

    /** Stands in for a resource: a body parameter, query parameters. */
    public static class Resource {
        public void create(@Valid @NotNull Team team) {
        }

        public void list(@Max(100) Integer size, @NotBlank String q) {
        }
    }

    private static ValidatorFactory factory;
    private static Validator validator;
    /** As Hibernate Validator names parameters when the classes were compiled without {@code -parameters}. */
    private static Validator withoutParameterNames;

    @BeforeAll
    static void validators() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
        withoutParameterNames = factory.usingContext().parameterNameProvider(new ParameterNameProvider() {
            @Override
            public List<String> getParameterNames(Constructor<?> constructor) {
                return args(constructor);
            }

            @Override
            public List<String> getParameterNames(Method method) {
                return args(method);
            }

            private List<String> args(Executable executable) {
                return IntStream.range(0, executable.getParameterCount()).mapToObj(i -> "arg" + i).toList();
            }
        }).getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static final Contact GOOD_CONTACT = new Contact("a@example.cn", "0512-66668888");

    private static Member member(String name) {
        return new Member(name, List.of(GOOD_CONTACT));
    }

    private static Team team(List<Member> members) {
        return new Team("“科创中国”测试科技服务团", GOOD_CONTACT, members, List.of("物联网"));
    }

    /** The single violation of calling {@code method} with {@code args}: its path as the validator built it, and its field. */
    private static String[] fieldOfCall(Validator v, String method, Object... args) throws Exception {
        Method m = List.of(Resource.class.getMethods()).stream().filter(x -> x.getName().equals(method)).findFirst()
                .orElseThrow();
        Set<ConstraintViolation<Resource>> violations = v.forExecutables().validateParameters(new Resource(), m, args);
        assertEquals(1, violations.size(), violations.toString());
        ConstraintViolation<Resource> violation = violations.iterator().next();
        return new String[] {violation.getPropertyPath().toString(), ProblemMappers.fieldOf(violation)};
    }

    private static String fieldOf(Team body) throws Exception {
        return fieldOfCall(validator, "create", body)[1];
    }

    // ---- constraint violations

    @Test
    void theMethodAndItsBodyParameterAreDropped() throws Exception {
        String[] withArg = fieldOfCall(withoutParameterNames, "create",
                team(List.of(member("甲"), member("乙"), member(" "))));
        assertEquals("create.arg0.members[2].name", withArg[0]);
        assertEquals("members[2].name", withArg[1]);

        String[] named = fieldOfCall(validator, "create", team(List.of(member("甲"), member("乙"), member(""))));
        assertEquals("create.team.members[2].name", named[0]);
        assertEquals("members[2].name", named[1]);
    }

    @Test
    void aTopLevelFieldOfTheBodyIsItsName() throws Exception {
        assertEquals("name", fieldOf(new Team(" ", GOOD_CONTACT, List.of(), List.of())));
    }

    @Test
    void aNestedFieldIsDotted() throws Exception {
        assertEquals("contact.email", fieldOf(new Team("团", new Contact("not-an-address", "1"), List.of(),
                List.of())));
    }

    @Test
    void listElementsKeepTheirIndexAtEveryLevel() throws Exception {
        Member second = new Member("乙", List.of(GOOD_CONTACT, new Contact("a@example.cn", "")));
        assertEquals("members[1].contacts[1].phone", fieldOf(team(List.of(member("甲"), second))));
    }

    @Test
    void aConstraintOnAListElementItselfNamesTheElement() throws Exception {
        List<Member> members = new java.util.ArrayList<>(List.of(member("甲")));
        members.add(null);
        assertEquals("members[1]", fieldOf(team(members)));
        assertEquals("keywords[0]", fieldOf(new Team("团", GOOD_CONTACT, List.of(), List.of(" "))));
    }

    @Test
    void aConstraintOnAWholeListNamesTheList() throws Exception {
        assertEquals("keywords", fieldOf(new Team("团", GOOD_CONTACT, List.of(), List.of("a", "b", "c"))));
    }

    @Test
    void aMissingBodyIsNamedByItsParameter() throws Exception {
        assertEquals("team", fieldOfCall(validator, "create", (Object) null)[1]);
        assertEquals("arg0", fieldOfCall(withoutParameterNames, "create", (Object) null)[1]);
    }

    @Test
    void aPlainQueryParameterKeepsItsName() throws Exception {
        String[] size = fieldOfCall(validator, "list", 101, "物联网");
        assertEquals("list.size", size[0]);
        assertEquals("size", size[1]);
        assertEquals("q", fieldOfCall(validator, "list", 10, " ")[1]);
    }

    // ---- JSON mapping errors

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public record Budget(int year, List<Integer> amounts) {
    }

    public record Plan(String title, Budget budget, List<Budget> history) {
    }

    private static Problem jsonProblem(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Plan.class));
        return ProblemMappers.jsonProblem(e, "/api/v1/plans", ProblemTexts.ENGLISH);
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsJsonPath() {
        Problem problem = jsonProblem("{\"history\": [{\"year\": 2026}, {\"year\": 2027, \"amounts\": [1, \"x\"]}]}");
        assertEquals(400, problem.status());
        assertEquals("validation", problem.code());
        assertEquals("history[1].amounts[1]", problem.errors().get(0).field());
        assertEquals("has the wrong type or format", problem.errors().get(0).message());
        assertEquals("budget.year", jsonProblem("{\"budget\": {\"year\": \"二〇二六\"}}").errors().get(0).field());
    }

    @Test
    void theWordsAreChineseUnlessEnglishIsAskedFor() throws Exception {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> JSON.readValue("{\"budget\": {\"year\": \"x\"}}", Plan.class));
        Problem chinese = ProblemMappers.jsonProblem(e, "/api/v1/plans", ProblemTexts.choose(null));
        assertEquals("请求无效", chinese.title());
        assertEquals("budget.year：类型或格式错误", chinese.detail());
        assertEquals("validation", chinese.code());
        Problem english = ProblemMappers.jsonProblem(e, "/api/v1/plans", ProblemTexts.choose("en-GB,en;q=0.9"));
        assertEquals("Invalid request", english.title());
        assertEquals("budget.year: has the wrong type or format", english.detail());
    }

    @Test
    void anUnknownFieldIsNamedByItsJsonPath() {
        Problem problem = jsonProblem("{\"history\": [{\"year\": 2026, \"secret\": true}]}");
        assertEquals("unknown-field", problem.code());
        assertEquals("history[0].secret", problem.errors().get(0).field());
    }

    @Test
    void malformedJsonNamesNoField() {
        Problem problem = jsonProblem("{\"title\": ");
        assertEquals("malformed-json", problem.code());
        assertEquals(null, problem.errors());
    }
}
