package cn.org.kczg.teams.registration.ban;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** Art. 20: registration's copy of a ban: no applications from {@code since} until the day before {@code until}. */
@Entity
@Table(name = "ban_copy")
public class BanCopy extends PanacheEntityBase {
    /** Bans are dated in Beijing time. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Id
    public UUID id;
    @Column(nullable = false)
    public String creditCode;
    @Column(nullable = false)
    public LocalDate since;
    @Column(nullable = false)
    public LocalDate until;
    @Column(nullable = false)
    public Instant receivedAt;
    /** Issue 21: lifted (by an operator, or an upheld appeal), the ban no longer holds. */
    public Instant liftedAt;

    /** The ban in force (not lifted) on {@code day} that ends last, if any. */
    public static Optional<BanCopy> inForce(String creditCode, LocalDate day) {
        return find("creditCode = ?1 and since <= ?2 and until > ?2 and liftedAt is null order by until desc", creditCode, day)
                .firstResultOptional();
    }
}
