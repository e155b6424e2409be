package org.upgradeplanner.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets and their digests: random tokens (sessions, CSRF, API tokens, generated passwords), and the SHA-256 of
 * text, in hex, which is stored in place of a secret token and names an uploaded file's content.
 */
public final class Digests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Digests() {}

    /** {@code bytes} random bytes from {@link SecureRandom}, URL-safe base64 without padding. */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
