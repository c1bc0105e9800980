package cn.org.kczg.teams.evaluation.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lead unit as registration announced it: the per-lead-unit summaries (Art. 19) show its name and category. */
@Entity
@Table(name = "lead_unit")
public class LeadUnitCopy extends PanacheEntityBase {
    @Id
    public String creditCode;
    @Column(nullable = false)
    public String name;
    public String category;
}
