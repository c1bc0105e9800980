package cn.org.kczg.teams.kit.crypto;

import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;

/**
 * Seals a text attribute in its column ({@link FieldCipher}): a subclass per column names it, e.g.
 * {@code @Convert(converter = LeadUnitCiphers.Phone.class)}, and the service produces the same
 * {@link EncryptedColumn} for {@link ReencryptionJob}.
 */
public abstract class EncryptedString implements AttributeConverter<String, String> {
    private final EncryptedColumn column;

    protected EncryptedString(EncryptedColumn column) {
        this.column = column;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher().encrypt(attribute, column.name());
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return cipher().decrypt(dbData, column.name());
    }

    static FieldCipher cipher() {
        return Arc.container().instance(FieldCipher.class).get();
    }
}
