package org.upgradeplanner.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.upgradeplanner.support.Problem.FieldError;

class TextBodyTest {

    private static final MediaType YAML = new MediaType("application", "yaml");

    private static FieldError refused(byte[] body, MediaType type) {
        PlannerException e = assertThrows(PlannerException.class, () -> TextBody.decode(body, type));
        assertEquals(PlannerException.Kind.INVALID, e.kind());
        return e.errors().get(0);
    }

    @Test
    void utf8TextWithTabsAndLineBreaksIsReadAsSent() {
        String text = "all:\r\n  vars:\t{owner: \"Zoë 日本\"}\n";
        assertEquals(text, TextBody.decode(text.getBytes(StandardCharsets.UTF_8), YAML));
        assertEquals(text, TextBody.decode(text.getBytes(StandardCharsets.UTF_8), null));
        assertEquals(
                "all:\n",
                TextBody.decode("\uFEFFall:\n".getBytes(StandardCharsets.UTF_8), YAML),
                "a byte order mark is dropped");
    }

    @Test
    void invalidUtf8IsA400NamingTheBodyAndLine() {
        FieldError e = refused(new byte[] {'a', ':', '\n', 'b', ':', ' ', (byte) 0xC3, '(', '\n'}, YAML);
        assertEquals("body", e.field());
        assertEquals("not valid UTF-8 text: byte 7 (line 2) cannot be decoded", e.message());
        assertEquals(
                "not valid UTF-8 text: byte 3 (line 1) cannot be decoded",
                refused(new byte[] {'a', ':', (byte) 0xE6, (byte) 0x97}, YAML).message(),
                "a sequence cut off at the end");
        assertEquals(
                "body",
                refused(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, YAML).field());
    }

    @Test
    void controlCharactersAreA400NamingTheBodyAndLine() {
        assertEquals(
                new FieldError("body", "control character U+0000 (line 1) is not allowed"),
                refused(new byte[4096], YAML));
        assertEquals(
                "control character U+001B (line 3) is not allowed",
                refused("all:\n  vars:\n    x: \u001b[2J\n".getBytes(StandardCharsets.UTF_8), YAML)
                        .message());
    }

    @Test
    void theContentTypesCharsetIsHonoured() {
        MediaType latin1 = new MediaType("text", "calendar", Map.of("charset", "ISO-8859-1"));
        assertEquals(
                "SUMMARY:Zoë\r\n", TextBody.decode("SUMMARY:Zoë\r\n".getBytes(StandardCharsets.ISO_8859_1), latin1));
        assertEquals(
                "charset `klingon` of the Content-Type is not supported; send UTF-8",
                refused(new byte[] {'a'}, new MediaType("text", "calendar", Map.of("charset", "klingon")))
                        .message());
    }
}
