package cn.org.kczg.teams.activity.upload;

import cn.org.kczg.teams.kit.export.Column;
import java.util.List;

/** The columns of the upload export: each upload's record (not its file); who uploaded it stays out. */
final class UploadExport {
    static final List<Column<Upload>> COLUMNS = List.of(
            Column.of("报送编号", u -> u.id),
            Column.of("团队编号", u -> u.teamId),
            Column.of("牵头单位统一社会信用代码", u -> u.leadUnitCreditCode),
            Column.of("材料类型", u -> u.kind),
            Column.of("报送期", u -> u.period),
            Column.of("标题", u -> u.title),
            Column.of("文件名", u -> u.fileName),
            Column.of("文件类型", u -> u.contentType),
            Column.of("大小（字节）", u -> u.size),
            Column.of("截止日期", u -> u.dueDate),
            Column.of("按时", u -> u.onTime),
            Column.of("报送时间", u -> u.uploadedAt));

    private UploadExport() {
    }
}
