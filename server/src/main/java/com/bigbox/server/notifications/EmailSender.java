package com.bigbox.server.notifications;

import com.bigbox.autonomic.notifications.Address;
import com.bigbox.autonomic.notifications.ChannelSender;
import com.bigbox.autonomic.notifications.NotificationMessage;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** E-mail over SMTP with Jakarta Mail (Eclipse Angus). */
public final class EmailSender implements ChannelSender {
    private final Session session;
    private final String from;

    public EmailSender(SmtpSettings smtp) {
        String p = smtp.tls() ? "mail.smtps." : "mail.smtp.";
        var props = new Properties();
        props.put("mail.transport.protocol", smtp.tls() ? "smtps" : "smtp");
        props.put(p + "host", smtp.host());
        props.put(p + "port", String.valueOf(smtp.port()));
        props.put(p + "auth", String.valueOf(smtp.user() != null));
        props.put(p + "connectiontimeout", "10000");
        props.put(p + "timeout", "20000");
        props.put(p + "writetimeout", "20000");
        if (!smtp.tls()) {
            props.put("mail.smtp.starttls.enable", "true");
        }
        Authenticator auth = smtp.user() == null
                ? null
                : new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(smtp.user(), smtp.password());
                    }
                };
        this.session = Session.getInstance(props, auth);
        this.from = smtp.from();
    }

    @Override
    public void send(Address address, String secret, NotificationMessage message) throws Exception {
        var mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(from));
        mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(address.target(), true));
        mail.setSubject(message.subject(), "UTF-8");
        mail.setText(message.text(), "UTF-8");
        Transport.send(mail);
    }
}
