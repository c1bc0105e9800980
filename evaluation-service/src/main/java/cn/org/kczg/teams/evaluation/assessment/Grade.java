package cn.org.kczg.teams.evaluation.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 20 grades, best first. */
@Schema(name = "AssessmentGrade", description = "Art. 20 grades, best first: EXCELLENT 优秀 (stable support), GOOD 良好, "
        + "PASS 合格, POOR 较差 (the team is disqualified once the assessment is published).")
public enum Grade {
    EXCELLENT("优秀"), GOOD("良好"), PASS("合格"), POOR("较差");

    public final String label;

    Grade(String label) {
        this.label = label;
    }
}
