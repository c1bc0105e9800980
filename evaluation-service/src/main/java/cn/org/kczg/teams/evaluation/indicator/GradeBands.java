package cn.org.kczg.teams.evaluation.indicator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The lowest total for each grade; below {@code pass} is POOR. */
@Schema(name = "GradeBands", description = "The lowest total of each grade (excellent > good > pass); below pass is "
        + "POOR.")
public record GradeBands(
        @Schema(description = "Lowest total rated EXCELLENT (优秀).", required = true, example = "90")
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal excellent,
        @Schema(description = "Lowest total rated GOOD (良好).", required = true, example = "75")
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal good,
        @Schema(description = "Lowest total rated PASS (合格).", required = true, example = "60")
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal pass) {

    public static final GradeBands DEFAULT = new GradeBands(new BigDecimal("90"), new BigDecimal("75"),
            new BigDecimal("60"));
}
