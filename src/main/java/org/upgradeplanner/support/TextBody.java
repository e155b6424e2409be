package org.upgradeplanner.support;

import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A text request body (an inventory, a calendar) read from its bytes: in the charset its Content-Type names, UTF-8
 * by default. A byte sequence that charset cannot decode, or a control character other than tab and line breaks, is a
 * 400 naming {@code body} and the line, where the framework's own conversion would silently put U+FFFD in its place.
 */
public final class TextBody {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextBody() {}

    /** @throws PlannerException (400, field {@code body}) for text that cannot be decoded or holds a control character */
    public static String decode(byte[] body, MediaType type) {
        Charset charset = charset(type);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body == null ? new byte[0] : body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw PlannerException.invalid(
                    "body",
                    String.format(
                            "not valid %s text: byte %,d (line %d) cannot be decoded",
                            charset.name(), in.position() + 1, lineOf(in.array(), in.position())));
        }
        String text = out.flip().toString();
        int control = ControlCharacters.indexOf(text, true);
        if (control >= 0) {
            throw PlannerException.invalid(
                    "body",
                    String.format(
                            "control character U+%04X (line %d) is not allowed",
                            (int) text.charAt(control),
                            text.substring(0, control)
                                            .chars()
                                            .filter(c -> c == '\n')
                                            .count()
                                    + 1));
        }
        return text.isEmpty() || text.charAt(0) != BYTE_ORDER_MARK ? text : text.substring(1);
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw PlannerException.invalid(
                    "body", "charset `" + name + "` of the Content-Type is not supported; send UTF-8");
        }
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
