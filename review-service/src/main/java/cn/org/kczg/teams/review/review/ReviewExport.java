package cn.org.kczg.teams.review.review;

import cn.org.kczg.teams.kit.export.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The columns of the review-case export (operators and auditors, who see every score): one row per case. */
final class ReviewExport {
    static final List<Column<ReviewCase>> COLUMNS = columns();

    private ReviewExport() {
    }

    private static List<Column<ReviewCase>> columns() {
        List<Column<ReviewCase>> columns = new ArrayList<>(List.of(
                Column.of("案件编号", c -> c.id),
                Column.of("申请编号", c -> c.applicationId),
                Column.of("团队名称", c -> c.applicationName),
                Column.of("牵头单位", c -> c.leadUnitName),
                Column.of("统一社会信用代码", c -> c.leadUnitCreditCode),
                Column.of("单位类别", c -> c.leadUnitCategory),
                Column.of("年度", c -> c.year),
                Column.of("状态", c -> c.status),
                Column.of("主审", c -> c.claimedBy),
                Column.of("评审组成员", panel(p -> p.members().stream().map(Panel.Member::reviewer).toList())),
                Column.of("回避人员", panel(p -> p.recused().stream().map(Panel.Recusal::reviewer).toList())),
                Column.of("已评分人数", panel(p -> p.counted().size())),
                Column.of("评分均值", panel(p -> p.overallMean().orElse(null)))));
        for (ReviewCriterion criterion : ReviewCriterion.values()) {
            columns.add(Column.of("均值：" + criterion.label + "（" + criterion.article + "）",
                    panel(p -> p.means().get(criterion.name()))));
        }
        columns.addAll(List.of(
                Column.of("优先级得分", c -> c.priority),
                Column.of("按申报文本的优先级得分", c -> c.textPriority),
                Column.of("提交次数", c -> c.submissionCount),
                Column.of("提交时间", c -> c.submittedAt),
                Column.of("决定时间", c -> c.decidedAt),
                Column.of("决定理由", c -> c.decisionReasons)));
        return List.copyOf(columns);
    }

    private static Function<ReviewCase, Object> panel(Function<Panel, Object> value) {
        return c -> c.panel == null ? null : value.apply(c.panel);
    }
}
