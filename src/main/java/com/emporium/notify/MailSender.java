package com.emporium.notify;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends email through the configured SMTP server with Jakarta Mail (Liberty's mail-2.1 feature).
 * Every message has a plain-text and an HTML part. The password is handed to Jakarta Mail only; it is
 * never logged, and a failure is reported without it.
 */
@ApplicationScoped
public class MailSender {
    private static final String TIMEOUT_MILLIS = "10000";

    @Inject
    @ConfigProperty(name = "emporium.mail.smtp.host", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "emporium.mail.smtp.port", defaultValue = "12525")
    int port;

    @Inject
    @ConfigProperty(name = "emporium.mail.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "emporium.mail.smtp.password")
    Optional<String> password;

    /** none, starttls (required, port 587) or implicit (TLS from the first byte, port 465). */
    @Inject
    @ConfigProperty(name = "emporium.mail.smtp.tls", defaultValue = "none")
    String tls;

    @Inject
    @ConfigProperty(name = "emporium.mail.from", defaultValue = "Emporium Demo Shop <shop@emporium.local>")
    String from;

    private Session session;

    @PostConstruct
    void configure() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        props.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        switch (tls) {
            case "starttls" -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "implicit" -> {
                props.put("mail.smtp.ssl.enable", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "none" -> {}
            default ->
                throw new IllegalStateException(
                        "emporium.mail.smtp.tls must be none, starttls or implicit, not " + tls);
        }
        Authenticator authenticator = null;
        if (user.filter(u -> !u.isBlank()).isPresent()) {
            props.put("mail.smtp.auth", "true");
            String name = user.get();
            String secret = password.orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(name, secret);
                }
            };
        }
        session = Session.getInstance(props, authenticator);
    }

    /**
     * A connection for a run of messages (the relay's drain): one SMTP handshake for all of them
     * instead of one per message, which is most of what a message costs. Used by one thread at a time.
     */
    public Outgoing outgoing() {
        return new Outgoing();
    }

    public final class Outgoing implements AutoCloseable {
        private Transport transport;

        private Outgoing() {}

        /** Sends or throws {@link MailFailure}; the caller decides when to try again. */
        public void send(String to, MailTemplates.Rendered mail) {
            MimeMessage message;
            try {
                message = message(to, mail);
            } catch (MessagingException e) {
                throw new MailFailure(e);
            }
            boolean reused = transport != null && transport.isConnected();
            try {
                deliver(message);
            } catch (MessagingException first) {
                close();
                if (!reused) {
                    throw new MailFailure(first);
                }
                // The server may have dropped a connection that sat idle: one more try on a new one.
                try {
                    deliver(message);
                } catch (MessagingException second) {
                    close();
                    throw new MailFailure(second);
                }
            }
        }

        private void deliver(MimeMessage message) throws MessagingException {
            if (transport == null || !transport.isConnected()) {
                transport = session.getTransport("smtp");
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // The connection is gone either way; the messages sent on it were accepted.
                }
                transport = null;
            }
        }
    }

    private MimeMessage message(String to, MailTemplates.Rendered mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        // RFC 2046 §5.1.4: the last part is the preferred one, so HTML after the plain text.
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** A message the SMTP server did not take; the text names the failure, never the credentials. */
    public static class MailFailure extends RuntimeException {
        MailFailure(MessagingException cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), null, false, false);
        }
    }
}
