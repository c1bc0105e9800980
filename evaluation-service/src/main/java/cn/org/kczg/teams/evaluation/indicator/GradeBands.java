package cn.org.kczg.teams.evaluation.indicator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** The lowest total for each grade; below {@code pass} is POOR. */
public record GradeBands(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal excellent,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal good,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal pass) {

    public static final GradeBands DEFAULT = new GradeBands(new BigDecimal("90"), new BigDecimal("75"),
            new BigDecimal("60"));
}
