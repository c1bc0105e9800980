package cn.org.kczg.teams.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.kczg.teams.platform.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body the parser refuses is described by where and what is wrong, never by what it held (personal values). */
class ProblemsEchoNoInputTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public record Contact(String phone, LocalDate since) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"phone\": zhou13700137000}", "{\"phone\": 13700137000zm@zju.edu.cn}",
            "{\"phone\": \"13700137000\", \"since\": \"13700137000\"}", "{\"phone\": ['13700137000']}",
            "{'13700137000': 1}", "13700137000zm"})
    void noFragmentOfTheBodyComesBack(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, Contact.class));
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            Problem problem = ProblemMappers.jsonProblem(e, "/api/v1/contacts", locale);
            String text = problem.detail() + " " + problem.errors();
            assertFalse(text.contains("13700137000") || text.contains("zhou") || text.contains("zju"), text);
            assertEquals(400, problem.status());
        }
    }
}
