package cn.org.kczg.teams.kit.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;

/**
 * Seals an attribute held as JSON: its JSON text, sealed like an {@link EncryptedString}, in a {@code text} column.
 * A value written before encryption (plain JSON) is read as it is until {@link ReencryptionJob} seals it.
 */
public abstract class EncryptedJson<T> implements AttributeConverter<T, String> {
    private final EncryptedColumn column;
    private final Class<T> type;

    protected EncryptedJson(EncryptedColumn column, Class<T> type) {
        this.column = column;
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T attribute) {
        if (attribute == null) {
            return null;
        }
        try {
            return EncryptedString.cipher().encrypt(mapper().writeValueAsString(attribute), column.name());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(column.name() + ": cannot be written as JSON", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String dbData) {
        if (dbData == null) {
            return null;
        }
        try {
            return mapper().readValue(EncryptedString.cipher().decrypt(dbData, column.name()), type);
        } catch (JsonProcessingException e) {
            // the message would quote the value
            throw new IllegalStateException(column.name() + ": not the JSON of " + type.getSimpleName());
        }
    }

    private static ObjectMapper mapper() {
        return Arc.container().instance(ObjectMapper.class).get();
    }
}
