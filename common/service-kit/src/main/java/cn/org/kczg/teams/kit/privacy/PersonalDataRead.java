package cn.org.kczg.teams.kit.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Issue 24: an operation whose answer may carry personal data — a read, or a write (PUT, PATCH, POST, DELETE) that
 * answers with the object it changed, which staff then see as much as on a read. When staff (operator, reviewer, auditor) call it,
 * {@link PersonalDataReads} records who read which object and which {@code @PersonalData} fields of the answer (its
 * response records, a page's items one by one) were there. On an export ({@code …/export}, a file), the fields are
 * those of {@link #rows()}: the records the file is made of.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PersonalDataRead {
    /** The kind of object read, e.g. {@code lead-unit}, {@code application}. */
    String type();

    /** The property of the answer (of each item of a page) that names the object. */
    String id() default "id";

    /** Exports only: the record type whose {@code @PersonalData} fields the file's rows carry. */
    Class<?> rows() default Void.class;
}
