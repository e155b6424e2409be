package org.upgradeplanner.announcement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EmlTest {

    private static final byte[] ICS = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);

    private static MimeMessage read(byte[] eml) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
    }

    @Test
    void aTitleWithLineBreaksCannotAddAHeader() throws Exception {
        byte[] eml = Eml.write(
                "Infra <infra@example.org>",
                "list@example.org",
                "[infra] Upgrade\r\nBcc: victim@example.org\r\n\r\nbody",
                "Hello",
                Instant.parse("2016-06-01T10:00:00Z"),
                "<a-1@example.org>",
                new MailHistory.Threading("<a-0@example.org>\r\nBcc: victim@example.org", List.of("<a-0@example.org>")),
                ICS);
        MimeMessage m = read(eml);
        assertEquals(null, m.getHeader("Bcc"));
        assertEquals("<a-0@example.org> Bcc: victim@example.org", m.getHeader("In-Reply-To", null));
        assertEquals("[infra] Upgrade Bcc: victim@example.org body", m.getSubject());
        String headers = new String(eml, StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
        assertFalse(headers.lines().anyMatch(l -> l.startsWith("Bcc:")), headers);
    }

    @Test
    void aThreadStartHasNoReplyHeaders() throws Exception {
        MimeMessage m = read(Eml.write(
                "infra@example.org",
                "list@example.org",
                "s",
                "b",
                Instant.parse("2016-06-01T10:00:00Z"),
                "<a-3@example.org>",
                MailHistory.Threading.START,
                ICS));
        assertEquals(null, m.getHeader("In-Reply-To"));
        assertEquals(null, m.getHeader("References"));
    }

    @Test
    void nonAsciiSubjectsAreEncodedAndTheCalendarIsAttached() throws Exception {
        byte[] eml = Eml.write(
                "Infra <infra@example.org>",
                "list@example.org",
                "[infra] Zürich mirror upgrade",
                "Grüße",
                Instant.parse("2016-06-01T10:00:00Z"),
                "<a-2@example.org>",
                new MailHistory.Threading("<a-1@example.org>", List.of("<a-1@example.org>")),
                ICS);
        String raw = new String(eml, StandardCharsets.US_ASCII);
        assertTrue(raw.contains("Subject: =?UTF-8?"), raw);
        MimeMessage m = read(eml);
        assertEquals("[infra] Zürich mirror upgrade", m.getSubject());
        assertEquals("<a-2@example.org>", m.getMessageID());
        assertEquals("<a-1@example.org>", m.getHeader("In-Reply-To", null));
        assertEquals("<a-1@example.org>", m.getHeader("References", null));
        assertEquals("list@example.org", m.getAllRecipients()[0].toString());
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertEquals("Grüße", parts.getBodyPart(0).getContent());
        assertTrue(
                parts.getBodyPart(1).getContentType().startsWith("text/calendar"),
                parts.getBodyPart(1).getContentType());
        assertEquals("outage.ics", parts.getBodyPart(1).getFileName());
    }
}
