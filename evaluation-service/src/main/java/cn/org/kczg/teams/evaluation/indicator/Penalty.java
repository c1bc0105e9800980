package cn.org.kczg.teams.evaluation.indicator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Points taken off the total for each upheld complaint or fee violation. */
public record Penalty(@NotBlank String metric, @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal points) {
}
