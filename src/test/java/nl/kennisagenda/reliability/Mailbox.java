package nl.kennisagenda.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server in the test JVM (GreenMail on a free port) for the packaged application, and what it received,
 * by recipient: the crash tests count per address what arrived, and how often.
 */
final class Mailbox implements AutoCloseable {

    private final GreenMail server;

    Mailbox() {
        server = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    int port() {
        return server.getSmtp().getPort();
    }

    int received() {
        return server.getReceivedMessages().length;
    }

    /** How many mails each address received. */
    Map<String, Integer> receivedPerAddress() {
        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            to(message).forEach(address -> received.merge(address, 1, Integer::sum));
        }
        return received;
    }

    /** Every address that received at least one mail. */
    Set<String> recipients() {
        return new TreeSet<>(receivedPerAddress().keySet());
    }

    /** The mails one address received, in the order they arrived. */
    List<MimeMessage> receivedBy(String address) {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            if (to(message).contains(address)) {
                mails.add(message);
            }
        }
        return mails;
    }

    List<String> subjectsTo(String address) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : receivedBy(address)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private static List<String> to(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
