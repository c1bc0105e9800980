package cn.org.kczg.teams.registration.leadunit;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.EMAIL;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.NAME;
import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.PHONE;

import cn.org.kczg.teams.events.registration.LeadUnitCategory;
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
import java.util.Optional;
import java.util.UUID;

/** A lead unit (牵头单位, Art. 5), identified by its unified social credit code. */
@Entity
@Table(name = "lead_unit")
public class LeadUnit extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String creditCode;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LeadUnitCategory category;
    @PersonalData(kind = NAME)
    public String contactName;
    @PersonalData(kind = PHONE)
    @Convert(converter = LeadUnitCiphers.Phone.class)
    public String contactPhone;
    @PersonalData(kind = EMAIL)
    @Convert(converter = LeadUnitCiphers.Email.class)
    public String contactEmail;
    @Column(nullable = false)
    public Instant registeredAt;
    @PersonalData(kind = ACCOUNT_ID)
    public String registeredBy;
    @Version
    public long version;

    public static Optional<LeadUnit> findByCreditCode(String creditCode) {
        return find("creditCode", creditCode).firstResultOptional();
    }
}
