package cn.org.kczg.teams.activity.volunteer;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.SERVICE_RECORD;

import cn.org.kczg.teams.activity.volunteer.VolunteerService.CertificateRow;
import cn.org.kczg.teams.kit.export.Column;
import cn.org.kczg.teams.platform.privacy.PersonalDataKind;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import java.util.List;
import java.util.Map;

/** The columns of the certificate export (Art. 13); the code only once issued, as the list shows it. */
final class CertificateExport {
    private static final Map<Certificate.Kind, String> KIND = Map.of(Certificate.Kind.PARTICIPATION, "志愿服务证书",
            Certificate.Kind.OUTSTANDING_MEMBER, "优秀团员证书");
    private static final Map<Certificate.Status, String> STATUS = Map.of(Certificate.Status.PENDING_APPROVAL, "待审批",
            Certificate.Status.VALID, "有效", Certificate.Status.REVOKED, "已撤销", Certificate.Status.REJECTED, "未批准");

    static final List<Column<CertificateRow>> COLUMNS = List.of(
            Column.of("证书编号", r -> r.certificate().status == Certificate.Status.PENDING_APPROVAL ? null
                    : r.certificate().code),
            Column.of("证书类型", r -> KIND.get(r.certificate().kind)),
            Column.personal("持有人", PersonalDataKind.NAME, r -> r.certificate().holderName),
            Column.of("团队", r -> r.certificate().teamName),
            Column.of("活动", CertificateRow::activity),
            Column.of("时长（小时）", CertificateRow::hours),
            Column.of("签发时间", r -> r.certificate().issuedAt),
            Column.of("状态", r -> STATUS.get(r.certificate().status)),
            Column.of("撤销时间", r -> r.certificate().revokedAt),
            Column.of("撤销原因", r -> r.certificate().revokeReason));

    private CertificateExport() {
    }

    /** The personal columns of the file (持有人, 时长), as the personal-data access record names them. */
    record PersonalColumns(@PersonalData(kind = NAME) String holderName,
            @PersonalData(kind = SERVICE_RECORD) java.math.BigDecimal hours) {
    }
}
