package cn.org.kczg.teams.activity.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A day of the official calendar the operator keeps: a public holiday (法定节假日), which does not count as a
 * working day for due times, or — {@code working} — a weekend day made a working day (调休上班), which does.
 */
@Entity
@Table(name = "holiday")
public class Holiday extends PanacheEntityBase {
    @Id
    public LocalDate day;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public boolean working;

    /** The holidays ({@code working = false}) or the working weekend days ({@code working = true}). */
    public static Set<LocalDate> days(boolean working) {
        return Holiday.<Holiday>list("working", working).stream().map(h -> h.day)
                .collect(Collectors.toUnmodifiableSet());
    }
}
