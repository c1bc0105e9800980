package cn.org.kczg.teams.activity.volunteer;

import cn.org.kczg.teams.activity.report.ActivityReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What a certificate attests, gathered for its documents (Art. 13): for a participation certificate the hours,
 * role and activity it certifies; an outstanding-member certificate has none of these, only its year.
 */
public record CertificateFacts(Certificate certificate, BigDecimal hours, String role, UUID activityId,
        String activityTitle, LocalDate activityDate, int year) {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static CertificateFacts of(Certificate c) {
        Participation p = c.participationId == null ? null : Participation.findById(c.participationId);
        ActivityReport a = p == null ? null : ActivityReport.findById(p.activityId);
        int year = p != null ? p.year : c.issuedAt != null ? c.issuedAt.atZone(CHINA).getYear()
                : c.createdAt.atZone(CHINA).getYear();
        return new CertificateFacts(c, p == null ? null : p.hours, p == null ? null : p.role,
                a == null ? null : a.id, a == null ? null : a.title, a == null ? null : a.startDate, year);
    }

    /** The certificate's title as it is printed. */
    public String title() {
        return certificate.kind == Certificate.Kind.OUTSTANDING_MEMBER ? "“科创中国”科技服务团优秀团员证书" : "“科创中国”科技服务团志愿服务证书";
    }
}
