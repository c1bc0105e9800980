package cn.org.kczg.teams.registration.leadunit;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A unified social credit code per {@link CreditCode}; null is left to {@code @NotBlank}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidCreditCode.Validator.class)
public @interface ValidCreditCode {
    String message() default "{kczg.creditCode.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidCreditCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            CreditCode.Result result = CreditCode.parse(value);
            if (result.error() == null) {
                return true;
            }
            // the words in the caller's language: ValidationMessages(_zh).properties, the details as parameters
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            result.params().forEach(hibernate::addMessageParameter);
            hibernate.disableDefaultConstraintViolation();
            hibernate.buildConstraintViolationWithTemplate("{" + result.messageKey() + "}").addConstraintViolation();
            return false;
        }
    }
}
