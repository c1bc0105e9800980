package cn.org.kczg.teams.activity.complaint;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.CONTACT;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.IP_ADDRESS;

import cn.org.kczg.teams.kit.crypto.FieldHash;
import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Art. 15: a complaint from the public about a team, triaged by the operator. */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {
    @Schema(name = "ComplaintKind", description = "What a complaint is about: a fee charged in the team's name (Art. "
            + "16), misconduct, the quality of service, false information, or something else.")
    public enum Kind {
        FEE_CHARGED, MISCONDUCT, SERVICE_QUALITY, FALSE_INFORMATION, OTHER
    }

    @Schema(name = "ComplaintStatus", description = "Where a complaint is: RECEIVED until the operator decides, then "
            + "UPHELD or DISMISSED.")
    public enum Status {
        RECEIVED, UPHELD, DISMISSED
    }

    @Id
    public UUID id;
    /** What the complainant follows the complaint by (Receipts); only the complainant is given it. */
    @Column(nullable = false)
    public String receipt;
    @Column(nullable = false)
    public UUID teamId;
    @Column(nullable = false)
    public String leadUnitCreditCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(nullable = false)
    public String text;
    /** How to reach the complainant, if given; only staff see it. Sealed at rest. */
    @PersonalData(kind = CONTACT)
    @Convert(converter = ComplaintContactCipher.class)
    public String contact;
    /** {@link #contact} under the kit's keyed hash ({@code FieldHash}): complaints found by a contact. */
    @PersonalData(kind = CONTACT)
    public String contactHash;
    /** The client address under a keyed hash ({@link ClientAddressHash}), for the rate limit; never the address. */
    @PersonalData(kind = IP_ADDRESS)
    @Column(nullable = false)
    public String clientHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    /** The team's one answer before the decision, for the operator. */
    public String response;
    @PersonalData(kind = ACCOUNT_ID)
    public String respondedBy;
    public Instant respondedAt;
    public String outcomeReason;
    @PersonalData(kind = ACCOUNT_ID)
    public String decidedBy;
    public Instant decidedAt;
    @Column(nullable = false)
    public Instant filedAt;
    @Version
    public long version;

    /** The complaints whose complainant gave this contact (case and white space aside), through its keyed hash. */
    public static List<Complaint> withContact(FieldHash hash, String contact) {
        return contact == null || contact.isBlank() ? List.of() : list("contactHash", hash.of(contact));
    }
}
