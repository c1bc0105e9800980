package cn.org.kczg.teams.registration.application;

import cn.org.kczg.teams.kit.export.Column;
import java.util.List;

/** The columns of the application export: the facts staff compare, without members' or the handler's contacts. */
final class ApplicationExport {
    static final List<Column<TeamApplication>> COLUMNS = List.of(
            Column.of("申请编号", a -> a.id),
            Column.of("团队名称", a -> a.name),
            Column.of("牵头单位", a -> a.leadUnitName),
            Column.of("牵头单位统一社会信用代码", a -> a.leadUnitCreditCode),
            Column.of("单位类别", a -> a.leadUnitCategory),
            Column.of("年度", a -> a.year),
            Column.of("状态", a -> a.status),
            Column.of("提交次数", a -> a.submissionCount),
            Column.of("服务类别", a -> a.content == null ? null : a.content.categories()),
            Column.of("试点城市", a -> a.content == null ? null : a.content.pilotCities()),
            Column.of("成员数", a -> a.content == null || a.content.members() == null ? 0 : a.content.members().size()),
            Column.of("协作单位数", a -> a.content == null || a.content.partnerUnits() == null ? 0
                    : a.content.partnerUnits().size()),
            Column.of("决定理由", a -> a.decisionReasons),
            Column.of("创建时间", a -> a.createdAt),
            Column.of("提交时间", a -> a.submittedAt),
            Column.of("决定时间", a -> a.decidedAt),
            Column.of("团队编号", a -> a.teamId));

    private ApplicationExport() {
    }
}
