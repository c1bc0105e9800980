package cn.org.kczg.teams.evaluation.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What the operator sends to create or replace a draft indicator system. {@code gradeBands} default to
 * 90 / 75 / 60; {@code feeViolationVeto}: this many upheld fee violations rate a team POOR whatever its score
 * (default 2).
 */
public record SystemDraft(
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(min = 1, max = 60) List<@Valid @NotNull Indicator> indicators,
        @Size(max = 10) List<@Valid @NotNull Penalty> penalties,
        @Valid GradeBands gradeBands,
        @Min(1) @Max(100) Integer feeViolationVeto) {

    public static final int DEFAULT_FEE_VIOLATION_VETO = 2;
}
