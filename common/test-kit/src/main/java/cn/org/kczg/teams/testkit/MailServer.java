package cn.org.kczg.teams.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a free loopback port: the services send it real mail and tests
 * read it back — what arrived, to whom, with which subject and text.
 */
public final class MailServer {
    private static GreenMail server;
    private static int port;

    private MailServer() {
    }

    public static synchronized int start() {
        if (server == null) {
            port = port == 0 ? FreePorts.next() : port;
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return port;
    }

    /** The mail relay goes away (connections refused) until {@link #start} brings it back on the same port. */
    public static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static synchronized void stop() {
        down();
        port = 0;
    }

    /** A mail as the test reads it: the first recipient, the decoded subject and the text. */
    public record Received(String to, String subject, String text) {
    }

    public static List<Received> received() {
        return Arrays.stream(server.getReceivedMessages()).map(MailServer::read).toList();
    }

    public static List<Received> receivedBy(String address) {
        return received().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            Object content = message.getContent();
            String text = content instanceof String s ? s : String.valueOf(content);
            return new Received(message.getAllRecipients()[0].toString(), message.getSubject(), text);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
