package cn.org.kczg.teams.platform.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Issue 24: marks an entity field (a column) that holds personal information (PIPL Art. 4) — for a JSON column,
 * every kind its document holds. Each annotated field has its row in {@code docs/personal-data.md} (purpose, legal
 * basis, who sees it, retention); every service's {@code PersonalDataInventoryTest} fails when the two differ.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface PersonalData {
    PersonalDataKind[] kind();
}
