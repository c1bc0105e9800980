package cn.org.kczg.teams.kit.resilience;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Asks the database whether it answers right now. A failure nobody could classify is treated as transient while
 * this says no: whatever shape a database outage takes on its way up the stack, it is never a dead letter.
 */
@ApplicationScoped
public class DatabaseProbe {
    @Inject
    AgroalDataSource dataSource;

    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
