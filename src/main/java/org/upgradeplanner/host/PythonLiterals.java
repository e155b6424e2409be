package org.upgradeplanner.host;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval}, which Ansible's INI plugin applies to every variable value: {@code True},
 * {@code 12}, {@code 1.5}, {@code 'text'}, {@code ['a', 'b']}, {@code {'k': None}} become a Boolean, Long (BigInteger
 * when larger), Double, String, List, Map or null; text that is no Python literal ({@code true}, {@code yes},
 * {@code web01}, {@code 1+2}) stays the text it was. Tuples are lists, as Ansible's JSON prints them. Literals Ansible
 * accepts but cannot print or store (sets, complex numbers, {@code ...}, infinite floats, unhashable dict keys) are
 * refused.
 */
final class PythonLiterals {

    /** A valid Python literal the planner cannot keep. */
    static final class Unsupported extends IllegalArgumentException {
        Unsupported(String message) {
            super(message);
        }
    }

    /** Not a Python literal: {@code literal_eval} would raise ValueError or SyntaxError. */
    private static final class NotALiteral extends Exception {
        NotALiteral() {
            super(null, null, false, false);
        }
    }

    private static final NotALiteral NOT_A_LITERAL = new NotALiteral();

    /** A parsed value; {@code number} when it is a numeric constant a sign may precede. */
    private record Parsed(Object value, boolean number) {}

    private final String s;
    private int pos;
    private int depth;

    private PythonLiterals(String s) {
        this.s = s;
    }

    /** What {@code literal_eval(text)} gives, or {@code text} itself when it is not a Python literal. */
    static Object eval(String text) {
        PythonLiterals p = new PythonLiterals(text);
        try {
            p.space();
            Object v = p.expression().value();
            p.space();
            if (p.pos < p.s.length()) {
                return text;
            }
            return v;
        } catch (NotALiteral e) {
            return text;
        }
    }

    private Parsed expression() throws NotALiteral {
        space();
        char c = peek();
        if (c == '+' || c == '-') {
            pos++;
            space();
            if (peek() == '+' || peek() == '-') {
                throw NOT_A_LITERAL; // -(-1) and --1 are not literals to literal_eval
            }
            Parsed operand = atom();
            if (!operand.number()) {
                throw NOT_A_LITERAL;
            }
            Object v = operand.value();
            Object signed = c == '+' ? v : negate(v);
            complexTail();
            return new Parsed(signed, false);
        }
        Parsed p = atom();
        if (p.number()) {
            complexTail();
        }
        return p;
    }

    /** {@code 1+2j}: a number plus an imaginary one is a complex literal; plus anything else is no literal. */
    private void complexTail() throws NotALiteral {
        int at = pos;
        space();
        if (peek() == '+' || peek() == '-') {
            pos++;
            space();
            if (isDigit(peek()) || peek() == '.') {
                number(); // throws Unsupported for an imaginary number
            }
            throw NOT_A_LITERAL;
        }
        pos = at;
    }

    private static Object negate(Object v) {
        if (v instanceof Long l) {
            return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : -l;
        }
        if (v instanceof BigInteger b) {
            BigInteger n = b.negate();
            return n.bitLength() < 64 ? (Object) n.longValue() : n;
        }
        return -(Double) v;
    }

    private Parsed atom() throws NotALiteral {
        space();
        char c = peek();
        if (c == '(' || c == '[' || c == '{') {
            if (++depth > InventoryLimits.MAX_DEPTH) {
                throw new Unsupported("nested more than " + InventoryLimits.MAX_DEPTH + " levels deep");
            }
            pos++;
            Parsed p = c == '(' ? tuple() : c == '[' ? list() : dict();
            depth--;
            return p;
        }
        if (c == '.' && s.startsWith("...", pos)) {
            throw new Unsupported("`...` (Ellipsis) cannot be stored");
        }
        if (isDigit(c) || c == '.' && pos + 1 < s.length() && isDigit(s.charAt(pos + 1))) {
            return new Parsed(number(), true);
        }
        if (isNameStart(c)) {
            int start = pos;
            while (pos < s.length() && isNamePart(s.charAt(pos))) {
                pos++;
            }
            String name = s.substring(start, pos);
            if (peek() == '\'' || peek() == '"') {
                pos = start;
                return new Parsed(strings(), false);
            }
            return switch (name) {
                case "True" -> new Parsed(Boolean.TRUE, false);
                case "False" -> new Parsed(Boolean.FALSE, false);
                case "None" -> new Parsed(null, false);
                default -> throw NOT_A_LITERAL;
            };
        }
        if (c == '\'' || c == '"') {
            return new Parsed(strings(), false);
        }
        throw NOT_A_LITERAL;
    }

    private Parsed tuple() throws NotALiteral {
        space();
        if (peek() == ')') {
            pos++;
            return new Parsed(new ArrayList<>(), false);
        }
        Parsed first = expression();
        space();
        if (peek() == ')') {
            pos++;
            return first; // (5) is 5
        }
        List<Object> items = new ArrayList<>();
        items.add(first.value());
        items.addAll(rest(')'));
        return new Parsed(items, false);
    }

    private Parsed list() throws NotALiteral {
        space();
        if (peek() == ']') {
            pos++;
            return new Parsed(new ArrayList<>(), false);
        }
        List<Object> items = new ArrayList<>();
        items.add(expression().value());
        space();
        if (peek() == ']') {
            pos++;
        } else {
            items.addAll(rest(']'));
        }
        return new Parsed(items, false);
    }

    /** After the first item: {@code , item}* then an optional trailing comma and {@code close}. */
    private List<Object> rest(char close) throws NotALiteral {
        List<Object> items = new ArrayList<>();
        while (true) {
            space();
            if (peek() == close && !items.isEmpty()) {
                pos++;
                return items;
            }
            if (peek() != ',') {
                throw NOT_A_LITERAL;
            }
            pos++;
            space();
            if (peek() == close) {
                pos++;
                return items;
            }
            items.add(expression().value());
        }
    }

    private Parsed dict() throws NotALiteral {
        Map<String, Object> map = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            pos++;
            return new Parsed(map, false);
        }
        while (true) {
            Object key = expression().value();
            space();
            if (peek() != ':') {
                if (peek() == ',' || peek() == '}') {
                    // Still check the rest is a literal: only then is it a set rather than plain text.
                    while (peek() == ',') {
                        pos++;
                        space();
                        if (peek() != '}') {
                            expression();
                            space();
                        }
                    }
                    if (peek() == '}') {
                        throw new Unsupported("a Python set cannot be stored: use a list, [...]");
                    }
                }
                throw NOT_A_LITERAL;
            }
            pos++;
            Object value = expression().value();
            String name = key(key);
            if (map.containsKey(name)) {
                throw new Unsupported("duplicate key `" + name + "`");
            }
            map.put(name, value);
            space();
            if (peek() == ',') {
                pos++;
                space();
            } else if (peek() != '}') {
                throw NOT_A_LITERAL;
            }
            if (peek() == '}') {
                pos++;
                return new Parsed(map, false);
            }
        }
    }

    /** A dict key as Ansible's JSON prints it. */
    private static String key(Object key) {
        if (key instanceof String k) {
            return k;
        }
        if (key instanceof Long || key instanceof BigInteger) {
            return key.toString();
        }
        if (key instanceof Boolean b) {
            return b.toString();
        }
        if (key == null) {
            return "null";
        }
        throw new Unsupported(
                "a dict key must be text or a whole number, not " + (key instanceof List ? "a list" : key));
    }

    private Object number() throws NotALiteral {
        int start = pos;
        if (peek() == '0' && pos + 1 < s.length() && "xXoObB".indexOf(s.charAt(pos + 1)) >= 0) {
            char kind = Character.toLowerCase(s.charAt(pos + 1));
            pos += 2;
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            String digits = digits(radix, true);
            if (pos < s.length() && (isNamePart(s.charAt(pos)) || s.charAt(pos) == '.')) {
                throw NOT_A_LITERAL; // 0x1g, 0x1.5
            }
            return integer(digits, radix);
        }
        String whole = peek() == '.' ? "" : digits(10, false);
        boolean isFloat = false;
        StringBuilder text = new StringBuilder(whole);
        if (peek() == '.') {
            isFloat = true;
            pos++;
            text.append('.');
            if (isDigit(peek())) {
                text.append(digits(10, false));
            } else if (whole.isEmpty()) {
                throw NOT_A_LITERAL;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            int at = pos++;
            StringBuilder exp = new StringBuilder("e");
            if (peek() == '+' || peek() == '-') {
                exp.append(s.charAt(pos++));
            }
            if (!isDigit(peek())) {
                pos = at;
                throw NOT_A_LITERAL;
            }
            exp.append(digits(10, false));
            text.append(exp);
            isFloat = true;
        }
        if (peek() == 'j' || peek() == 'J') {
            throw new Unsupported("a complex number cannot be stored");
        }
        if (pos < s.length() && (isNamePart(s.charAt(pos)) || s.charAt(pos) == '.')) {
            throw NOT_A_LITERAL; // 1abc, 1.2.3
        }
        if (isFloat) {
            double d = Double.parseDouble(text.toString());
            if (Double.isInfinite(d)) {
                throw new Unsupported("`" + s.substring(start, pos) + "` is too large a number (infinite)");
            }
            return d;
        }
        if (whole.length() > 1 && whole.charAt(0) == '0' && !whole.chars().allMatch(ch -> ch == '0')) {
            throw NOT_A_LITERAL; // 012: Python 3 has no such integer
        }
        return integer(whole, 10);
    }

    private static Object integer(String digits, int radix) {
        BigInteger b = new BigInteger(digits, radix);
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    /** Digits with single underscores between them; {@code afterPrefix} lets one underscore lead ({@code 0x_ff}). */
    private String digits(int radix, boolean afterPrefix) throws NotALiteral {
        StringBuilder out = new StringBuilder();
        boolean needDigit = true;
        if (afterPrefix && peek() == '_') {
            pos++;
        }
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '_' && !needDigit) {
                needDigit = true;
                pos++;
            } else if (Character.digit(c, radix) >= 0 && c < 128) {
                out.append(c);
                needDigit = false;
                pos++;
            } else {
                break;
            }
        }
        if (needDigit) {
            throw NOT_A_LITERAL;
        }
        return out.toString();
    }

    /** One string literal or several side by side ({@code 'a' "b"} is {@code ab}); text and bytes do not mix. */
    private String strings() throws NotALiteral {
        StringBuilder out = new StringBuilder();
        Boolean bytes = null;
        while (true) {
            space();
            int start = pos;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            String prefix = s.substring(start, pos).toLowerCase();
            if (pos >= s.length() || s.charAt(pos) != '\'' && s.charAt(pos) != '"') {
                if (bytes == null) {
                    throw NOT_A_LITERAL;
                }
                pos = start;
                return out.toString();
            }
            boolean raw = prefix.contains("r");
            boolean isBytes = prefix.contains("b");
            if (!List.of("", "r", "u", "b", "br", "rb").contains(prefix)) {
                throw NOT_A_LITERAL; // f-strings are not literals
            }
            if (bytes != null && bytes != isBytes) {
                throw NOT_A_LITERAL;
            }
            bytes = isBytes;
            out.append(string(raw, isBytes));
        }
    }

    private String string(boolean raw, boolean bytes) throws NotALiteral {
        char q = s.charAt(pos);
        String close = s.startsWith(String.valueOf(q).repeat(3), pos)
                ? String.valueOf(q).repeat(3)
                : String.valueOf(q);
        pos += close.length();
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        while (true) {
            if (pos >= s.length()) {
                throw NOT_A_LITERAL;
            }
            if (s.startsWith(close, pos)) {
                pos += close.length();
                break;
            }
            char c = s.charAt(pos++);
            if (bytes && c > 127) {
                throw NOT_A_LITERAL;
            }
            if (c != '\\') {
                append(text, octets, bytes, c);
                continue;
            }
            if (pos >= s.length()) {
                throw NOT_A_LITERAL;
            }
            char e = s.charAt(pos++);
            if (raw) {
                append(text, octets, bytes, '\\');
                append(text, octets, bytes, e);
                continue;
            }
            switch (e) {
                case '\\', '\'', '"' -> append(text, octets, bytes, e);
                case 'a' -> append(text, octets, bytes, (char) 7);
                case 'b' -> append(text, octets, bytes, '\b');
                case 'f' -> append(text, octets, bytes, '\f');
                case 'n' -> append(text, octets, bytes, '\n');
                case 'r' -> append(text, octets, bytes, '\r');
                case 't' -> append(text, octets, bytes, '\t');
                case 'v' -> append(text, octets, bytes, (char) 11);
                case 'x' -> {
                    int v = hex(2);
                    if (bytes) {
                        octets.write(v);
                    } else {
                        text.append((char) v);
                    }
                }
                case 'u', 'U', 'N' -> {
                    if (bytes) {
                        append(text, octets, true, '\\');
                        append(text, octets, true, e);
                    } else {
                        text.appendCodePoint(e == 'u' ? hex(4) : e == 'U' ? hex(8) : named());
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0;
                                k < 2 && pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7';
                                k++) {
                            v = v * 8 + (s.charAt(pos++) - '0');
                        }
                        if (bytes) {
                            octets.write(v & 0xff);
                        } else {
                            text.append((char) v);
                        }
                    } else {
                        append(text, octets, bytes, '\\'); // Python keeps an unknown escape as written
                        append(text, octets, bytes, e);
                    }
                }
            }
        }
        if (!bytes) {
            return text.toString();
        }
        try {
            // Ansible turns bytes into text (to_text), which needs UTF-8.
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets.toByteArray()))
                    .toString();
        } catch (CharacterCodingException ex) {
            throw new Unsupported("a bytes literal that is not UTF-8 cannot be stored");
        }
    }

    private static void append(StringBuilder text, ByteArrayOutputStream octets, boolean bytes, char c) {
        if (bytes) {
            octets.write(c);
        } else {
            text.append(c);
        }
    }

    private int hex(int n) throws NotALiteral {
        if (pos + n > s.length()) {
            throw NOT_A_LITERAL;
        }
        long v = 0;
        for (int k = 0; k < n; k++) {
            int d = Character.digit(s.charAt(pos++), 16);
            if (d < 0) {
                throw NOT_A_LITERAL;
            }
            v = v * 16 + d;
        }
        if (v > Character.MAX_CODE_POINT) {
            throw NOT_A_LITERAL;
        }
        return (int) v;
    }

    private int named() throws NotALiteral {
        int end = s.indexOf('}', pos);
        if (peek() != '{' || end < 0) {
            throw NOT_A_LITERAL;
        }
        String name = s.substring(pos + 1, end);
        pos = end + 1;
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw NOT_A_LITERAL;
        }
    }

    /** White space and a trailing {@code #} comment, which Python skips. */
    private void space() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                pos = s.length();
            } else {
                break;
            }
        }
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
