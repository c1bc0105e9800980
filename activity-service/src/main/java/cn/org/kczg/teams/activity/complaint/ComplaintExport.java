package cn.org.kczg.teams.activity.complaint;

import cn.org.kczg.teams.kit.export.Column;
import cn.org.kczg.teams.platform.privacy.PersonalDataKind;
import java.util.List;

/**
 * The columns of the complaint export; the complainant's address hash and receipt stay out, their contact (if they gave
 * one) is in full for the operator, who follows complaints up (Art. 15), and masked for everyone else.
 */
final class ComplaintExport {
    static final List<Column<Complaint>> COLUMNS = List.of(
            Column.of("投诉编号", c -> c.id),
            Column.of("团队编号", c -> c.teamId),
            Column.of("牵头单位统一社会信用代码", c -> c.leadUnitCreditCode),
            Column.of("投诉类型", c -> c.kind),
            Column.of("投诉内容", c -> c.text),
            Column.personal("联系方式", PersonalDataKind.CONTACT, c -> c.contact),
            Column.of("状态", c -> c.status),
            Column.of("团队答复", c -> c.response),
            Column.of("答复时间", c -> c.respondedAt),
            Column.of("处理理由", c -> c.outcomeReason),
            Column.of("投诉时间", c -> c.filedAt),
            Column.of("处理时间", c -> c.decidedAt));

    private ComplaintExport() {
    }
}
