package cn.org.kczg.teams.kit.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncryptedColumnTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aJsonColumnNamesItsSealedPartsEachWithItsOwnAssociatedData() {
        EncryptedColumn c = EncryptedColumn.jsonParts("team_application", "content", "handler.phone", "handler.email");
        assertEquals(List.of("handler.phone", "handler.email"), c.parts());
        assertEquals("id", c.key());
        assertEquals("team_application.content.handler.phone", c.partName("handler.phone"));
        assertEquals("subject", new EncryptedColumn("notification_subscriber", "email", "email_hash")
                .keyedBy("subject").key());
        assertEquals(List.of(), new EncryptedColumn("lead_unit", "contact_phone").parts());
    }

    @Test
    void partsAndKeysAreCheckedBecauseTheyEndUpInSql() {
        assertThrows(IllegalArgumentException.class, () -> EncryptedColumn.jsonParts("team", "handler", "ph'one"));
        assertThrows(IllegalArgumentException.class, () -> EncryptedColumn.jsonParts("team", "handler"));
        assertThrows(IllegalArgumentException.class, () -> new EncryptedColumn("t", "c").keyedBy("id; drop"));
        assertThrows(IllegalArgumentException.class,
                () -> new EncryptedColumn("t", "c", "c_hash", "id", List.of("phone")));
    }

    @Test
    void onlyAStringAtTheDottedPathIsReplaced() throws Exception {
        JsonNode tree = JSON.readTree("""
                {"handler":{"phone":"13800138000","email":null,"userId":"u1"},"members":[{"phone":"1"}]}""");
        EncryptedJsonParts.replace(tree, "handler.phone", v -> "sealed(" + v + ")");
        EncryptedJsonParts.replace(tree, "handler.email", v -> "sealed(" + v + ")");
        EncryptedJsonParts.replace(tree, "missing.phone", v -> "sealed(" + v + ")");
        EncryptedJsonParts.replace(tree, "members.phone", v -> "sealed(" + v + ")");
        assertEquals(JSON.readTree("""
                {"handler":{"phone":"sealed(13800138000)","email":null,"userId":"u1"},"members":[{"phone":"1"}]}"""),
                tree);
    }
}
