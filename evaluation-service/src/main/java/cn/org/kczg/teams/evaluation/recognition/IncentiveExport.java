package cn.org.kczg.teams.evaluation.recognition;

import cn.org.kczg.teams.kit.export.Column;
import java.util.List;

/** The columns of the incentive list's export (Art. 19), for the first-class society evaluation. */
final class IncentiveExport {
    static final List<Column<Incentive>> COLUMNS = List.of(
            Column.of("年度", i -> i.year),
            Column.of("牵头单位统一社会信用代码", i -> i.leadUnitCreditCode),
            Column.of("牵头单位名称", i -> i.leadUnitName),
            Column.of("激励方式", i -> i.kind),
            Column.of("理由", i -> i.reason),
            Column.of("考核优秀团队数", i -> i.excellentTeams),
            Column.of("参加考核团队数", i -> i.assessedTeams),
            Column.of("状态", i -> i.status),
            Column.of("标记时间", i -> i.markedAt),
            Column.of("撤销时间", i -> i.unmarkedAt),
            Column.of("撤销理由", i -> i.unmarkReason));

    private IncentiveExport() {
    }
}
