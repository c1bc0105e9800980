package cn.org.kczg.teams.kit.resilience;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that may pass by itself (the database unreachable or restarting, a connection reset, a lock,
 * statement or acquisition timeout, a serialization failure or deadlock) from one that will fail the same way
 * every time. Consumers retry the first kind without limit; requests answer it with 503 and {@code Retry-After}.
 */
public final class TransientFailures {
    /** SQLSTATE classes and codes that describe the server or the connection, not the statement. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58", "40");
    private static final Set<String> TRANSIENT_CODES = Set.of("55P03", "55006");

    private TransientFailures() {
    }

    /** Whether anything in the cause chain says "try again later". */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && transientState(sql)) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException || t instanceof SocketException) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("org.hibernate.exception.LockAcquisitionException")
                    || name.equals("org.hibernate.QueryTimeoutException")
                    || name.equals("org.hibernate.PessimisticLockException")
                    || name.equals("jakarta.persistence.LockTimeoutException")
                    || name.equals("jakarta.persistence.QueryTimeoutException")
                    || name.equals("jakarta.persistence.PessimisticLockException")) {
                return true;
            }
            if (isAcquisitionTimeout(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure means the database could not be reached or did not answer (→ 503). */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || isAcquisitionTimeout(t)
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            return false;
        }
        return TRANSIENT_CODES.contains(state) || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    }

    /** Agroal's pool: "Sorry, acquisition timeout!" when no connection could be had in time. */
    private static boolean isAcquisitionTimeout(Throwable t) {
        return t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("acquisition timeout");
    }
}
