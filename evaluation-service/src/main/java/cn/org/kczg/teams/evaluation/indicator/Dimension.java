package cn.org.kczg.teams.evaluation.indicator;

/** Art. 18: the three dimensions of the indicator system. */
public enum Dimension {
    ORGANISATION("组织运行"), CONTENT("服务内容"), EFFECT("实施效果");

    public final String label;

    Dimension(String label) {
        this.label = label;
    }
}
