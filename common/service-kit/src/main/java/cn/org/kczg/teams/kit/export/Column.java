package cn.org.kczg.teams.kit.export;

import cn.org.kczg.teams.platform.privacy.Masking;
import cn.org.kczg.teams.platform.privacy.PersonalDataKind;
import java.util.function.Function;

/**
 * One column of an export: its Chinese header and how a row gives its value (text, number, boolean, time, or null).
 * A column of personal data names its kind: {@link TableExport} shows it {@link Masking masked} unless the caller's
 * role needs it in full ({@link TableExport#FULL_CONTACTS}).
 */
public record Column<T>(String header, Function<T, Object> value, PersonalDataKind personal) {
    public static <T> Column<T> of(String header, Function<T, Object> value) {
        return new Column<>(header, value, null);
    }

    /** A column of personal data of this kind (a phone, an e-mail address, a contact, a name). */
    public static <T> Column<T> personal(String header, PersonalDataKind kind, Function<T, Object> value) {
        return new Column<>(header, value, kind);
    }

    /** The same column, its values masked as its kind asks (a column of no personal data stays as it is). */
    Column<T> masked() {
        if (personal == null) {
            return this;
        }
        return new Column<>(header, row -> Masking.of(personal, value.apply(row)), personal);
    }
}
