package cn.org.kczg.teams.registration.window;

import static cn.org.kczg.teams.platform.privacy.PersonalDataKind.ACCOUNT_ID;

import cn.org.kczg.teams.platform.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Art. 3: a period in which lead units may submit team applications. */
@Entity
@Table(name = "registration_window")
public class RegistrationWindow extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public int year;
    @Column(nullable = false)
    public Instant opensAt;
    /** When it closes; moved to the moment of an early close. */
    @Column(nullable = false)
    public Instant closesAt;
    public String note;
    public Instant closedEarlyAt;
    @PersonalData(kind = ACCOUNT_ID)
    public String createdBy;
    @Column(nullable = false)
    public Instant createdAt;
    @Version
    public long version;

    public boolean isOpenAt(Instant when) {
        return !when.isBefore(opensAt) && when.isBefore(closesAt);
    }

    public boolean overlaps(Instant otherOpens, Instant otherCloses) {
        return otherOpens.isBefore(closesAt) && opensAt.isBefore(otherCloses);
    }

    public static Optional<RegistrationWindow> openAt(Instant when) {
        return find("opensAt <= ?1 and closesAt > ?1 order by opensAt", when).firstResultOptional();
    }

    public static Optional<RegistrationWindow> nextAfter(Instant when) {
        return find("opensAt > ?1 order by opensAt", when).firstResultOptional();
    }
}
