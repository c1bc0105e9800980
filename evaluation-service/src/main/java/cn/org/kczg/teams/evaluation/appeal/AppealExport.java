package cn.org.kczg.teams.evaluation.appeal;

import cn.org.kczg.teams.kit.export.Column;
import java.util.List;

/** The columns of the appeals export. */
final class AppealExport {
    static final List<Column<Appeal>> COLUMNS = List.of(
            Column.of("申诉编号", a -> a.id),
            Column.of("申诉事项", a -> a.subject),
            Column.of("团队编号", a -> a.teamId),
            Column.of("牵头单位统一社会信用代码", a -> a.leadUnitCreditCode),
            Column.of("年度", a -> a.year),
            Column.of("处分编号", a -> a.sanctionId),
            Column.of("申诉理由", a -> a.reason),
            Column.of("证据材料", a -> a.evidence),
            Column.of("状态", a -> a.status),
            Column.of("提出人", a -> a.filedBy),
            Column.of("提出时间", a -> a.filedAt),
            Column.of("原等级", a -> a.gradeBefore),
            Column.of("改正后等级", a -> a.newGrade),
            Column.of("处理理由", a -> a.decisionReason),
            Column.of("处理人", a -> a.decidedBy),
            Column.of("处理时间", a -> a.decidedAt));

    private AppealExport() {
    }
}
