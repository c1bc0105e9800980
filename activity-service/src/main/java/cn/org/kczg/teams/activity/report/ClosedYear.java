package cn.org.kczg.teams.activity.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A year whose assessment evaluation-service published (Art. 20): its activity reports are final. */
@Entity
@Table(name = "assessment_year_closed")
public class ClosedYear extends PanacheEntityBase {
    @Id
    public int year;
    @Column(nullable = false)
    public Instant closedAt;

    static boolean isClosed(int year) {
        return findByIdOptional(year).isPresent();
    }
}
