package org.upgradeplanner.announcement;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * A draft as a mail the announcer can send as is: From, To (the list), Subject (RFC 2047 for non-ASCII), Date,
 * Message-ID, In-Reply-To and References (see {@link MailHistory}), a text/plain UTF-8 body, and the window's calendar (the feed's UID and SEQUENCE) attached.
 */
public final class Eml {

    private Eml() {}

    public static byte[] write(
            String from,
            String to,
            String subject,
            String body,
            Instant date,
            String messageId,
            MailHistory.Threading thread,
            byte[] ics) {
        return write(from, to, subject, body, date, messageId, thread, ics, "outage.ics");
    }

    /** As above, with the calendar attached under {@code icsName}; a null {@code ics} attaches nothing. */
    public static byte[] write(
            String from,
            String to,
            String subject,
            String body,
            Instant date,
            String messageId,
            MailHistory.Threading thread,
            byte[] ics,
            String icsName) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", Subjects.oneLine(messageId));
                }
            };
            if (thread.inReplyTo() != null) {
                message.setHeader("In-Reply-To", Subjects.oneLine(thread.inReplyTo()));
            }
            if (!thread.references().isEmpty()) {
                message.setHeader("References", Subjects.oneLine(String.join(" ", thread.references())));
            }
            message.setFrom(new InternetAddress(from, true));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
            // Typed text never carries a line break into a header.
            message.setSubject(Subjects.oneLine(subject), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(date));

            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, StandardCharsets.UTF_8.name(), "plain");
            MimeMultipart parts = new MimeMultipart("mixed");
            parts.addBodyPart(text);
            if (ics != null) {
                MimeBodyPart calendar = new MimeBodyPart();
                calendar.setDataHandler(
                        new DataHandler(new ByteArrayDataSource(ics, "text/calendar; charset=utf-8; method=PUBLISH")));
                calendar.setFileName(icsName);
                parts.addBodyPart(calendar);
            }
            message.setContent(parts);
            message.saveChanges();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the mail: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
