package cn.org.kczg.teams.activity.ticket;

import cn.org.kczg.teams.kit.export.Column;
import java.util.List;

/** The columns of the ticket export: what operators analyse; the demand side's contact person stays out. */
final class TicketExport {
    static final List<Column<Ticket>> COLUMNS = List.of(
            Column.of("工单编号", t -> t.id),
            Column.of("合作方", t -> t.partner),
            Column.of("外部编号", t -> t.externalId),
            Column.of("项目名称", t -> t.projectName),
            Column.of("行业领域", t -> t.industryField),
            Column.of("地区", t -> t.region),
            Column.of("服务类别", t -> t.categories),
            Column.of("需求方", t -> t.demandSideName),
            Column.of("状态", t -> t.status),
            Column.of("承接团队", t -> t.teamName),
            Column.of("牵头单位统一社会信用代码", t -> t.teamLeadUnit),
            Column.of("指派时间", t -> t.assignedAt),
            Column.of("首次响应时限", t -> t.firstResponseDue),
            Column.of("办结时限", t -> t.resolutionDue),
            Column.of("首次响应超时", t -> t.firstResponseOverdue),
            Column.of("办结超时", t -> t.resolutionOverdue),
            Column.of("评分", t -> t.ratingScore),
            Column.of("创建时间", t -> t.createdAt),
            Column.of("更新时间", t -> t.updatedAt));

    private TicketExport() {
    }
}
