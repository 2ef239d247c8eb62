package com.emporium.notify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The only class that touches GreenMail. It is not a CDI bean and is loaded only when the embedded mode
 * starts the SMTP stand-in, so the production WAR leaves GreenMail out and still deploys.
 */
final class EmbeddedMailProcess {
    private EmbeddedMailProcess() {}

    static AutoCloseable start(int smtpPort, int imapPort) {
        GreenMail server = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server::stop;
    }
}
