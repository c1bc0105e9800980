package cn.org.kczg.teams.testkit;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.EMAIL;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself, on stand-in entities: each kind of drift is reported. */
class PersonalDataInventoryCheckTest {
    static class Person {
        @PersonalData(kind = PHONE)
        public String mobilePhone;
        @PersonalData(kind = {NAME, EMAIL})
        public Contact contact;
        public String teamName;
        public int year;
    }

    record Contact(String name, String email) {
    }

    static class Holding {
        public List<Details> details;
    }

    record Details(String holderName, int count) {
    }

    private static final String ROWS = """
            | `Person` | `mobilePhone` (`mobile_phone`) | PHONE | reach them | 13(1) | staff | TEAM |
            | `Person` | `contact` (`contact`, jsonb) | NAME, EMAIL | reach them | 13(1) | staff | TEAM |
            """;
    private static final String NOT_PERSONAL = """
            | `Person` | `teamName` | a team's name |
            | `Holding` | `details.holderName` | stands for an organisation here |
            """;

    private static List<String> check(String rows, String notPersonal) {
        String markdown = "# doc\n\n## other-service\n\n| entity | field | kind |\n|---|---|---|\n| `Person` | `year` "
                + "(`year`) | NAME |\n\n## svc\n\n| entity | field (column) | kind | purpose | basis | who | retention |\n"
                + "|---|---|---|---|---|---|---|\n" + rows + "\n### Not personal data\n\n| entity | field | why |\n"
                + "|---|---|---|\n" + notPersonal + "\n## after\n";
        return PersonalDataInventory.problems(markdown, "svc", List.of(Person.class, Holding.class));
    }

    @Test
    void aDocumentThatMatchesHasNoProblems() {
        assertEquals(List.of(), check(ROWS, NOT_PERSONAL));
    }

    @Test
    void anAnnotatedFieldWithoutARowIsReported() {
        assertEquals(List.of("Person.mobilePhone is @PersonalData(kind = [PHONE]) but has no row"),
                check(ROWS.lines().skip(1).toList().get(0) + "\n", NOT_PERSONAL));
    }

    @Test
    void otherKindsOrAnotherColumnAreReported() {
        List<String> problems = check(ROWS.replace("| NAME, EMAIL |", "| NAME |").replace("(`mobile_phone`)",
                "(`phone`)"), NOT_PERSONAL);
        assertTrue(problems.contains("Person.contact is [NAME, EMAIL] in the code but [NAME] in the document"), problems::toString);
        assertTrue(problems.contains("Person.mobilePhone is the column mobile_phone, not phone"), problems::toString);
    }

    @Test
    void aRowForAMissingOrUnannotatedFieldIsReported() {
        List<String> problems = check(ROWS + "| `Person` | `fax` (`fax`) | PHONE |\n| `Person` | `year` (`year`) | NAME |\n"
                + "| `Ghost` | `name` (`name`) | NAME |\n", NOT_PERSONAL);
        assertTrue(problems.contains("the row Person.fax names no field of an entity"), problems::toString);
        assertTrue(problems.contains("the row Ghost.name names no field of an entity"), problems::toString);
        assertTrue(problems.contains("the row Person.year names a field without @PersonalData"), problems::toString);
    }

    @Test
    void aPersonalLookingFieldOrJsonPartNeitherAnnotatedNorExplainedIsReported() {
        List<String> problems = check(ROWS, "");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Person.teamName looks personal")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Holding.details.holderName looks personal")),
                problems::toString);
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void anExplanationForWhatTheNetDoesNotCatchIsStale() {
        assertEquals(List.of("\"not personal data\" lists Person.year, which the net does not catch: remove it"),
                check(ROWS, NOT_PERSONAL + "| `Person` | `year` | a number |\n"));
    }

    @Test
    void aMissingSectionOrAnUnknownKindIsReported() {
        assertTrue(PersonalDataInventory.problems("## other\n", "svc", List.of(Holding.class))
                .contains("no section \"## svc\""));
        assertTrue(check(ROWS.replace("| PHONE |", "| PHONE, FAX_NUMBER |"), NOT_PERSONAL)
                .contains("Person.mobilePhone: no kind FAX_NUMBER"));
    }

    @Test
    void theNetCatchesPersonalNamesAndLeavesWordsThatMerelyContainThem() {
        for (String name : List.of("contactPhone", "mobile", "email", "postalAddress", "holderName", "ipAddress",
                "clientIp", "ip", "decidedBy", "handlerDeputies", "userId", "idNumber", "author")) {
            assertTrue(PersonalDataInventory.LOOKS_PERSONAL.matcher(name).find(), name);
        }
        for (String name : List.of("description", "recipe", "shipped", "bypass", "years", "status", "byteSize")) {
            assertFalse(PersonalDataInventory.LOOKS_PERSONAL.matcher(name).find(), name);
        }
    }
}
