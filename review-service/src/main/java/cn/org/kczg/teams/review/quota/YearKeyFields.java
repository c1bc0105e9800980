package cn.org.kczg.teams.review.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Art. 9: the key fields of 科创中国 for one year, which raise an application's priority. */
@Entity
@Table(name = "year_key_fields")
public class YearKeyFields extends PanacheEntityBase {
    @Id
    public int year;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> fields;

    public static List<String> of(int year) {
        return Optional.ofNullable(YearKeyFields.<YearKeyFields>findById(year)).map(k -> k.fields).orElse(List.of());
    }
}
