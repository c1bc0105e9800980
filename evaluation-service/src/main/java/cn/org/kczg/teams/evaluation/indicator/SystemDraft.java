package cn.org.kczg.teams.evaluation.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the operator sends to create or replace a draft indicator system. {@code gradeBands} default to
 * 90 / 75 / 60; {@code feeViolationVeto}: this many upheld fee violations rate a team POOR whatever its score
 * (default 2).
 */
@Schema(name = "IndicatorSystemDraft", description = "What the operator sends to create or replace a draft "
        + "indicator system (Art. 18): indicators over the three dimensions with weights summing to 100, penalties "
        + "and grade bands.")
public record SystemDraft(
        @Schema(description = "The year the system assesses; a draft keeps it.", required = true, example = "2026")
        @NotNull @Min(2000) @Max(2100) Integer year,
        @Schema(description = "The system's name.", required = true, maxLength = 200,
                example = "2026年度科技服务团绩效评价指标体系") @NotBlank @Size(max = 200) String name,
        @Schema(description = "1 to 60 indicators, every dimension at least once, weights summing to 100.",
                required = true) @NotNull @Size(min = 1, max = 60) List<@Valid @NotNull Indicator> indicators,
        @Schema(description = "Up to 10 penalties, each penalty metric at most once (default none).")
        @Size(max = 10) List<@Valid @NotNull Penalty> penalties,
        @Schema(description = "The grade bands (default 90 / 75 / 60).") @Valid GradeBands gradeBands,
        @Schema(description = "This many upheld fee violations rate a team POOR whatever its score (default 2).",
                example = "2") @Min(1) @Max(100) Integer feeViolationVeto) {

    public static final int DEFAULT_FEE_VIOLATION_VETO = 2;
}
