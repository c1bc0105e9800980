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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One indicator: the metric it reads and how that becomes 0–100. LINEAR: {@code 100 × value / target}, capped
 * at 100. BANDED: the score of the highest band whose {@code min} the value reaches (0 below the first).
 */
@Schema(name = "Indicator", description = "One indicator of an indicator system (Art. 18): the metric it reads and "
        + "how that value becomes a score of 0–100.")
public record Indicator(
        @Schema(description = "The dimension it belongs to.", required = true) @NotNull Dimension dimension,
        @Schema(description = "The indicator's code, unique in its system.", required = true, maxLength = 32,
                pattern = "^[A-Za-z0-9._-]+$", example = "C1")
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
        @Schema(description = "The indicator's name.", required = true, maxLength = 200, example = "服务活动场次")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "The metric it reads, from GET /api/v1/indicator-systems/metrics (not a penalty "
                + "metric).", required = true, maxLength = 100, example = "activities")
        @NotBlank @Size(max = 100) String metric,
        @Schema(description = "Its weight; the weights of a system sum to 100.", required = true, example = "40")
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal weight,
        @Schema(description = "How its value becomes a score.", required = true) @NotNull Scoring scoring,
        @Schema(description = "LINEAR only: the value that scores 100 (above 0).", example = "10")
        @DecimalMin(value = "0", inclusive = false) BigDecimal target,
        @Schema(description = "BANDED only: at least one band, each starting at a different min.")
        @Size(max = 20) List<@Valid @NotNull Band> bands) {

    @Schema(name = "IndicatorScoring", description = "How an indicator scores: LINEAR is 100 × value / target, capped "
            + "at 100; BANDED is the score of the highest band whose min the value reaches (0 below the first).")
    public enum Scoring {
        LINEAR, BANDED
    }

    @Schema(name = "IndicatorBand", description = "One band of a BANDED indicator: from this value on, this score.")
    public record Band(
            @Schema(description = "The lowest value in the band.", required = true, example = "2")
            @NotNull @DecimalMin("0") BigDecimal min,
            @Schema(description = "The score of the band, 0–100.", required = true, example = "100")
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal score) {
    }
}
