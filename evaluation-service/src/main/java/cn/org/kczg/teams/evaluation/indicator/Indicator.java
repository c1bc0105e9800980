package cn.org.kczg.teams.evaluation.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator: the metric it reads and how that becomes 0–100. LINEAR: {@code 100 × value / target}, capped
 * at 100. BANDED: the score of the highest band whose {@code min} the value reaches (0 below the first).
 */
public record Indicator(
        @NotNull Dimension dimension,
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String metric,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal weight,
        @NotNull Scoring scoring,
        @DecimalMin(value = "0", inclusive = false) BigDecimal target,
        @Size(max = 20) List<@Valid @NotNull Band> bands) {

    public enum Scoring {
        LINEAR, BANDED
    }

    public record Band(@NotNull @DecimalMin("0") BigDecimal min,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal score) {
    }
}
