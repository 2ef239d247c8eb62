package com.emporium.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An SMTP server inside the application for the developer run and the test servers (GreenMail): every
 * email the shop sends lands here, readable over IMAP with the recipient's address as the user name and
 * any password. Clusters switch it off with emporium.embedded.enabled=false and configure a real server.
 * GreenMail is reached only through {@link EmbeddedMailProcess}, so the production WAR, which leaves it
 * out, deploys without it.
 */
@ApplicationScoped
public class EmbeddedMailServer {
    private static final Logger LOG = Logger.getLogger(EmbeddedMailServer.class.getName());

    @Inject
    @ConfigProperty(name = "emporium.embedded.enabled", defaultValue = "true")
    boolean embedded;

    @Inject
    @ConfigProperty(name = "emporium.embedded.mail.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "emporium.mail.smtp.port", defaultValue = "12525")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "emporium.embedded.mail.imap-port", defaultValue = "12143")
    int imapPort;

    private AutoCloseable server;

    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!embedded || !enabled) {
            return;
        }
        try {
            server = EmbeddedMailProcess.start(smtpPort, imapPort);
            LOG.warning(() -> "EMBEDDED SMTP stand-in (GreenMail) receiving on 127.0.0.1:" + smtpPort
                    + "; read what the shop sent over IMAP at 127.0.0.1:" + imapPort
                    + " with the recipient's address as user and any password, e.g. curl -s"
                    + " 'imap://127.0.0.1:" + imapPort + "/INBOX;UID=1' -u 'erika@example.com:any'"
                    + " (development default; set EMPORIUM_MAIL_SMTP_HOST for a real server)");
        } catch (RuntimeException | LinkageError e) {
            server = null;
            LOG.warning(() -> "No embedded SMTP server (" + e.getMessage() + "): emails wait in the outbox until "
                    + "an SMTP server answers at emporium.mail.smtp.host:" + smtpPort);
        }
    }

    synchronized void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warning(() -> "Embedded SMTP server did not stop cleanly: " + e.getMessage());
            }
            server = null;
        }
    }
}
