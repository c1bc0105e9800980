package cn.org.kczg.teams.kit.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import java.util.function.UnaryOperator;

/**
 * Seals some string values inside an attribute held as a {@code jsonb} document, which stays JSON: SQL may still read
 * its other parts ({@code handler->>'userId'}). Each part named by the column's {@link EncryptedColumn#parts()} is
 * sealed with {@code table.column.part} as associated data; a part written before (plain) is read as it is until
 * {@link ReencryptionJob} seals it. The attribute is mapped with {@code @Convert(converter = …)} and
 * {@code @JdbcTypeCode(SqlTypes.JSON)}, and the service produces the same {@link EncryptedColumn} for the job.
 */
public abstract class EncryptedJsonParts<T> implements AttributeConverter<T, String> {
    private final EncryptedColumn column;
    private final Class<T> type;

    protected EncryptedJsonParts(EncryptedColumn column, Class<T> type) {
        if (column.parts().isEmpty()) {
            throw new IllegalArgumentException(column.name() + ": no parts to seal");
        }
        this.column = column;
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T attribute) {
        if (attribute == null) {
            return null;
        }
        FieldCipher cipher = EncryptedString.cipher();
        JsonNode tree = mapper().valueToTree(attribute);
        for (String part : column.parts()) {
            String name = column.partName(part);
            replace(tree, part, plain -> cipher.encrypt(plain, name));
        }
        try {
            return mapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(column.name() + ": cannot be written as JSON", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String dbData) {
        if (dbData == null) {
            return null;
        }
        FieldCipher cipher = EncryptedString.cipher();
        try {
            JsonNode tree = mapper().readTree(dbData);
            for (String part : column.parts()) {
                String name = column.partName(part);
                replace(tree, part, stored -> cipher.decrypt(stored, name));
            }
            return mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            // the message would quote the value
            throw new IllegalStateException(column.name() + ": not the JSON of " + type.getSimpleName());
        }
    }

    /** Replaces the string at the dotted {@code path} of {@code tree}, if there is one. */
    static void replace(JsonNode tree, String path, UnaryOperator<String> change) {
        String[] steps = path.split("\\.");
        JsonNode node = tree;
        for (int i = 0; i < steps.length - 1 && node != null; i++) {
            node = node.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (node instanceof ObjectNode parent && parent.get(last) != null && parent.get(last).isTextual()) {
            parent.put(last, change.apply(parent.get(last).textValue()));
        }
    }

    private static ObjectMapper mapper() {
        return Arc.container().instance(ObjectMapper.class).get();
    }
}
