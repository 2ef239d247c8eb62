package com.emporium.testsupport;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads what the test server sent from its embedded SMTP server (GreenMail) over IMAP, as a mail client
 * would: the recipient's address is the user name, any password is accepted.
 */
public final class Mailbox {
    private static final int IMAP_PORT = Integer.getInteger("it.imap.port", 12143);

    private Mailbox() {}

    public record Mail(List<String> to, String subject, String text, String html) {}

    public static List<Mail> of(String address) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", IMAP_PORT, address, "any");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(read(message));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Reading the mailbox of " + address + " failed", e);
        }
    }

    /** Waits until the mailbox holds at least {@code count} messages and answers them all. */
    public static List<Mail> await(String address, int count, Duration bound) {
        AtomicReference<List<Mail>> seen = new AtomicReference<>(List.of());
        Eventually.await(count + " message(s) for " + address, bound, () -> {
            seen.set(of(address));
            return seen.get().size() >= count;
        });
        return seen.get();
    }

    private static Mail read(Message message) throws MessagingException, IOException {
        List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                .map(Address::toString)
                .toList();
        String text = null;
        String html = null;
        Object content = message.getContent();
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
        } else {
            text = content.toString();
        }
        return new Mail(to, message.getSubject(), text, html);
    }
}
