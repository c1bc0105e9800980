package cn.org.kczg.teams.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LogSafeTest {
    private static final Exception FAILURE = new IllegalStateException("could not save 13700137000",
            new SQLException("duplicate key: Key (contact_email)=(zm@zju.edu.cn) already exists", "23505"));

    @Test
    void aFailureIsDescribedByItsClassesAndSqlStateOnly() {
        assertEquals("IllegalStateException < SQLException[23505]", LogSafe.describe(FAILURE));
    }

    @Test
    void aRedactedFailureKeepsItsStackTraceButNoMessage() {
        Throwable redacted = LogSafe.redacted(FAILURE);
        StringWriter printed = new StringWriter();
        redacted.printStackTrace(new PrintWriter(printed));
        String text = printed.toString();
        assertFalse(text.contains("13700137000") || text.contains("zm@zju.edu.cn"), text);
        assertArrayEquals(FAILURE.getStackTrace(), redacted.getStackTrace());
        assertEquals("java.sql.SQLException [23505] (message withheld: it may carry personal data)",
                redacted.getCause().getMessage());
    }

    @Test
    void aParsersQuotedFragmentsOfTheInputAreDropped() {
        assertEquals("Unrecognized token …: was expecting …",
                LogSafe.withoutQuotes("Unrecognized token 'zm': was expecting 'null'"));
        assertEquals("Cannot deserialize value of type `LocalDate` from String …: not a date",
                LogSafe.withoutQuotes("Cannot deserialize value of type `LocalDate` from String \"13700137000\": not a date"));
        assertEquals("Unexpected character (… …)", LogSafe.withoutQuotes("Unexpected character ('周' (code 21608))"));
    }
}
