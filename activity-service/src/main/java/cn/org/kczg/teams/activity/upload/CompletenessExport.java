package cn.org.kczg.teams.activity.upload;

import cn.org.kczg.teams.activity.upload.UploadDtos.CompletenessRow;
import cn.org.kczg.teams.activity.upload.UploadDtos.CompletenessStatus;
import cn.org.kczg.teams.kit.export.Column;
import java.util.List;
import java.util.Map;

/** The columns of the completeness export (Art. 12): one row per team, kind and expected period. */
final class CompletenessExport {
    private static final Map<UploadSchedule.Kind, String> KIND = Map.of(UploadSchedule.Kind.PROGRESS, "工作进展",
            UploadSchedule.Kind.ACTIVITY_DATA, "活动数据", UploadSchedule.Kind.THINK_TANK_REPORT, "智库报告");
    private static final Map<CompletenessStatus, String> STATUS = Map.of(CompletenessStatus.MISSING, "未报送",
            CompletenessStatus.SUBMITTED, "待审核", CompletenessStatus.RETURNED, "已退回",
            CompletenessStatus.ACCEPTED, "已通过");

    static final List<Column<CompletenessRow>> COLUMNS = List.of(
            Column.of("团队编号", CompletenessRow::teamId),
            Column.of("团队名称", CompletenessRow::teamName),
            Column.of("材料类型", r -> KIND.get(r.kind())),
            Column.of("报送期", CompletenessRow::period),
            Column.of("截止日期", CompletenessRow::dueDate),
            Column.of("状态", r -> STATUS.get(r.status())),
            Column.of("最新版本", CompletenessRow::version),
            Column.of("按时", CompletenessRow::onTime),
            Column.of("报送时间", CompletenessRow::uploadedAt),
            Column.of("报送编号", CompletenessRow::uploadId));

    private CompletenessExport() {
    }
}
