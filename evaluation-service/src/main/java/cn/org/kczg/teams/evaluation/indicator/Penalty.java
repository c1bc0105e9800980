package cn.org.kczg.teams.evaluation.indicator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Points taken off the total for each upheld complaint or fee violation. */
@Schema(name = "IndicatorPenalty", description = "Points taken off a team's total for each upheld complaint or fee "
        + "violation.")
public record Penalty(
        @Schema(description = "The penalty metric: complaints.upheld or fee-violations.upheld, each at most once.",
                required = true, example = "complaints.upheld") @NotBlank String metric,
        @Schema(description = "Points off per occurrence, 0–100.", required = true, example = "5")
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal points) {
}
