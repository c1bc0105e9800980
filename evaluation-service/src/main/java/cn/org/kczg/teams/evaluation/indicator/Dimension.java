package cn.org.kczg.teams.evaluation.indicator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 18: the three dimensions of the indicator system. */
@Schema(name = "IndicatorDimension", description = "Art. 18: the three dimensions of the indicator system — "
        + "ORGANISATION 组织运行 (organisation and operation), CONTENT 服务内容 (service content), EFFECT 实施效果 "
        + "(effect).")
public enum Dimension {
    ORGANISATION("组织运行"), CONTENT("服务内容"), EFFECT("实施效果");

    public final String label;

    Dimension(String label) {
        this.label = label;
    }
}
