package cn.org.kczg.teams.registration.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * docs/personal-data.md, "Masking": what the libraries would log about a failed or bound value is configured off (the
 * kit's defaults), so it reaches no log line, whoever logs the exception.
 */
@QuarkusTest
class NoValuesInLogsTests {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDatabaseErrorCarriesNoDetailWithTheValuesThatFailed() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("do $$ begin raise exception "
                    + "'duplicate contact' using detail = 'Key (contact_phone)=(13700137000) already exists', "
                    + "errcode = '23505'; end $$"));
            assertEquals("23505", e.getSQLState());
            assertFalse(String.valueOf(e.getMessage()).contains("13700137000"), e.getMessage());
        }
    }

    @Test
    void neitherSqlNorBoundValuesAreLogged() {
        for (String category : new String[] {"org.hibernate.SQL", "org.hibernate.orm.jdbc.bind",
                "org.hibernate.orm.jdbc.extract"}) {
            assertFalse(Logger.getLogger(category).isDebugEnabled(), category);
        }
    }
}
