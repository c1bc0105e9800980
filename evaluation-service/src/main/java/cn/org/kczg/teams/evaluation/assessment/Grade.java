package cn.org.kczg.teams.evaluation.assessment;

/** Art. 20 grades, best first. */
public enum Grade {
    EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), POOR("较差");

    public final String label;

    Grade(String label) {
        this.label = label;
    }
}
