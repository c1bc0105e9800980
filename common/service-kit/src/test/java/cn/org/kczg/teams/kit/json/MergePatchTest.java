package cn.org.kczg.teams.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.org.kczg.teams.kit.problem.ProblemException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergePatchTest {
    record Contact(String name, String phone) {
    }

    record Draft(String experience, List<String> categories, Contact contact) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Draft CURRENT = new Draft("十年", List.of("AGRICULTURE", "HEALTH"), new Contact("王芳", "010-1"));

    private static Draft patch(String json) throws Exception {
        return MergePatch.apply(JSON, CURRENT, JSON.readTree(json), Draft.class);
    }

    @Test
    void absentIsUnchangedNullClearsAValueReplaces() throws Exception {
        assertEquals(new Draft("二十年", CURRENT.categories(), CURRENT.contact()), patch("{\"experience\":\"二十年\"}"));
        assertEquals(new Draft(null, CURRENT.categories(), CURRENT.contact()), patch("{\"experience\":null}"));
        assertEquals(new Draft("十年", List.of("HEALTH"), CURRENT.contact()), patch("{\"categories\":[\"HEALTH\"]}"));
        assertEquals(CURRENT, patch("{}"));
    }

    @Test
    void objectsMergeMemberByMember() throws Exception {
        assertEquals(new Draft("十年", CURRENT.categories(), new Contact("王芳", "010-2")),
                patch("{\"contact\":{\"phone\":\"010-2\"}}"));
    }

    @Test
    void anUnknownMemberOrANonObjectIsRefused() {
        assertThrows(UnrecognizedPropertyException.class, () -> patch("{\"secret\":1}"));
        ProblemException e = assertThrows(ProblemException.class, () -> patch("[1]"));
        assertEquals(400, e.status());
    }
}
