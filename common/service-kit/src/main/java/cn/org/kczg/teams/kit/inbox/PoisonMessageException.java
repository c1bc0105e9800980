package cn.org.kczg.teams.kit.inbox;

/** A message that no retry can fix (not an envelope, unreadable payload): it goes to the DLQ at once. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
