package cn.org.kczg.teams.activity.volunteer;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 13: a participation certificate, or the “科创中国”科技服务团优秀团员证书 once an operator approves it. */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {
    @Schema(name = "CertificateKind", description = "Which certificate (Art. 13): a participation certificate "
            + "(PARTICIPATION) or the “科创中国”科技服务团优秀团员证书 for an outstanding member (OUTSTANDING_MEMBER).")
    public enum Kind {
        PARTICIPATION, OUTSTANDING_MEMBER
    }

    @Schema(name = "CertificateStatus", description = "Where a certificate is: a nomination is PENDING_APPROVAL until "
            + "the operator approves (VALID) or rejects it (REJECTED); a VALID certificate can be REVOKED.")
    public enum Status {
        PENDING_APPROVAL, VALID, REVOKED, REJECTED
    }

    @Id
    public UUID id;
    /** What anyone types to verify it: 20 characters of base32, 100 bits of randomness. */
    @Column(nullable = false, unique = true)
    public String code;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String teamName;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String holder;
    @PersonalData(kind = NAME)
    @Column(nullable = false)
    public String holderName;
    /** For a participation certificate, the participation it certifies (one certificate each). */
    @Column(unique = true)
    public UUID participationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public String nominationReason;
    @PersonalData(kind = ACCOUNT_ID)
    public String nominatedBy;
    @PersonalData(kind = ACCOUNT_ID)
    public String decidedBy;
    public Instant issuedAt;
    public Instant revokedAt;
    public String revokeReason;
    @Column(nullable = false)
    public Instant createdAt;
    @Version
    public long version;
}
