package cn.org.kczg.teams.registration.team;

import cn.org.kczg.teams.kit.export.Column;
import cn.org.kczg.teams.registration.application.ApplicationContent.PartnerUnit;
import java.util.List;
import java.util.Objects;

/** The columns of the team export; the handler's and members' personal details stay out (counts only). */
final class TeamExport {
    static final List<Column<Team>> COLUMNS = List.of(
            Column.of("团队编号", t -> t.id),
            Column.of("团队名称", t -> t.name),
            Column.of("牵头单位", t -> t.leadUnitName),
            Column.of("牵头单位统一社会信用代码", t -> t.leadUnitCreditCode),
            Column.of("单位类别", t -> t.leadUnitCategory),
            Column.of("年度", t -> t.year),
            Column.of("状态", t -> t.status),
            Column.of("状态原因", t -> t.statusReason),
            Column.of("服务类别", t -> t.categories),
            Column.of("试点城市", t -> t.pilotCities),
            Column.of("其他地区", t -> t.otherRegions),
            Column.of("重点领域", t -> t.keyFields),
            Column.of("成员数", t -> t.members == null ? 0 : t.members.size()),
            Column.of("协作单位数", t -> t.partnerUnits == null ? 0 : t.partnerUnits.size()),
            Column.of("协作单位统一社会信用代码", t -> t.partnerUnits == null ? List.of() : t.partnerUnits.stream()
                    .map(PartnerUnit::creditCode).filter(Objects::nonNull).toList()),
            Column.of("启用时间", t -> t.activatedAt),
            Column.of("稳定支持年度", t -> t.stableSupportYear));

    private TeamExport() {
    }
}
