package cn.org.kczg.teams.activity.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The operator's switches for the demand hall (one row). */
@Entity
@Table(name = "demand_hall_settings")
public class DemandHallSettings extends PanacheEntityBase {
    @Id
    public int id = 1;
    /** New tickets go to the best-matching active team without waiting for the operator. */
    public boolean autoAssign;

    public static DemandHallSettings current() {
        DemandHallSettings settings = findById(1);
        return settings != null ? settings : new DemandHallSettings();
    }
}
