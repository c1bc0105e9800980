package cn.org.kczg.teams.activity.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/** A public holiday (法定节假日) the operator keeps; it does not count as a working day for due times. */
@Entity
@Table(name = "holiday")
public class Holiday extends PanacheEntityBase {
    @Id
    public LocalDate day;
    @Column(nullable = false)
    public String name;

    public static Set<LocalDate> all() {
        return Holiday.<Holiday>listAll().stream().map(h -> h.day).collect(Collectors.toUnmodifiableSet());
    }
}
