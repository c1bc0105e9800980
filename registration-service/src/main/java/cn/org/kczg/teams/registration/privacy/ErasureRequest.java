package cn.org.kczg.teams.registration.privacy;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * PIPL Art. 47: an operator's request to erase one person from every service. It keeps how the person was named
 * (by login or by contact) but never who: the receipt lists what was erased, not whom.
 */
@Entity
@Table(name = "personal_data_erasure")
public class ErasureRequest extends PanacheEntityBase {
    /** How the request named the person. */
    public enum MatchKind {
        SUBJECT, CONTACT
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MatchKind matchKind;
    /** What the person's login id became in every service. */
    @Column(nullable = false)
    public String pseudonym;
    @Column(nullable = false)
    public String reason;
    @PersonalData(kind = ACCOUNT_ID)
    @Column(nullable = false)
    public String requestedBy;
    @Column(nullable = false)
    public Instant requestedAt;
}
