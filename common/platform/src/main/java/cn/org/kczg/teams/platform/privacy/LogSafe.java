package cn.org.kczg.teams.platform.privacy;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * A failure as a log line may show it: the classes of the exception and its causes, and a database error's SQL
 * state, never their messages — a message may carry the values that failed (a constraint's detail, a parser's
 * fragment of the input, a mail server's echo of the address). The stack trace, which names code only, is kept.
 */
public final class LogSafe {
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\(code [^)]*\\)");

    private LogSafe() {
    }

    /**
     * A parser's message without the fragments of its input it quotes ({@code Unrecognized token 'zhou'},
     * {@code from String "137…"}, {@code Unexpected character ('1' (code 49))}): each becomes {@code …}.
     */
    public static String withoutQuotes(String message) {
        return message == null ? "" : QUOTED.matcher(message).replaceAll("…").replaceAll("\\s+", " ").strip();
    }

    /** E.g. {@code PersistenceException < ConstraintViolationException < PSQLException[23505]}. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (depth > 0) {
                text.append(" < ");
            }
            text.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                text.append('[').append(sql.getSQLState()).append(']');
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return text.toString();
    }

    /**
     * The failure with its stack trace and its causes' traces, each message replaced by its class name (and SQL
     * state): for {@code LOG.errorf(LogSafe.redacted(e), …)}.
     */
    public static Throwable redacted(Throwable failure) {
        return redacted(failure, 0);
    }

    private static Throwable redacted(Throwable failure, int depth) {
        if (failure == null) {
            return null;
        }
        Throwable cause = depth < 10 && failure.getCause() != failure ? redacted(failure.getCause(), depth + 1) : null;
        Redacted copy = new Redacted(failure.getClass().getName()
                + (failure instanceof SQLException sql && sql.getSQLState() != null ? " [" + sql.getSQLState() + "]"
                        : ""), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Stands in for a failure in a log: its class name as the message, its stack trace, no value. */
    static final class Redacted extends RuntimeException {
        Redacted(String what, Throwable cause) {
            super(what + " (message withheld: it may carry personal data)", cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
