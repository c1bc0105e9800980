package cn.org.kczg.teams.activity.report;

import cn.org.kczg.teams.kit.export.Column;
import java.util.List;

/** The columns of the activity export; who reported it stays out (a person's account). */
final class ActivityExport {
    static final List<Column<ActivityReport>> COLUMNS = List.of(
            Column.of("活动编号", a -> a.id),
            Column.of("团队编号", a -> a.teamId),
            Column.of("牵头单位统一社会信用代码", a -> a.leadUnitCreditCode),
            Column.of("年度", a -> a.year),
            Column.of("服务类别", a -> a.category),
            Column.of("活动形式", a -> a.form),
            Column.of("活动名称", a -> a.title),
            Column.of("开始日期", a -> a.startDate),
            Column.of("结束日期", a -> a.endDate),
            Column.of("城市", a -> a.city),
            Column.of("园区", a -> a.park),
            Column.of("线上", a -> a.online),
            Column.of("地点类型", a -> a.placeKind),
            Column.of("参加人数", a -> a.participants),
            Column.of("服务企业数", a -> a.enterprisesServed),
            Column.of("收费金额（元）", a -> a.feeAmount),
            Column.of("付费方", a -> a.feePayer),
            Column.of("报送时间", a -> a.reportedAt),
            Column.of("状态", a -> a.status),
            Column.of("更正时间", a -> a.correctedAt));

    private ActivityExport() {
    }
}
