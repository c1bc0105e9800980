package cn.org.kczg.teams.kit.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The platform's one rule for a link a user gives others to follow: an absolute {@code http} or {@code https} URL
 * with a host, no spaces, at most 500 characters. {@code javascript:}, {@code data:}, {@code vbscript:},
 * {@code file:} and relative links are refused, so nothing stored can run in a reader's browser.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "(?i)^https?://[a-z0-9\\[][^\\s/?#]*(?:[/?#]\\S*)?$")
@Size(max = 500)
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface WebLink {
    String message() default "must be an http or https link";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
