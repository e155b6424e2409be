package org.upgradeplanner.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.upgradeplanner.support.Digests;
import org.upgradeplanner.support.PlannerException;

/**
 * Account passwords: hashed and checked by Elytron's bcrypt, never by code of ours. A bcrypt check costs tens of
 * milliseconds by design, and HTTP Basic sends the password with every request, so a password once checked is
 * remembered for the hash it matched: the next request with the same password and the same stored hash needs no
 * bcrypt, and a changed or reset password (a new hash) is checked afresh. The memory holds a peppered SHA-256 of the
 * password, never the password.
 */
final class Passwords {

    static final int MIN_LENGTH = 10;
    /** bcrypt reads no further than 72 bytes: a longer password would be cut without a word. */
    static final int MAX_BYTES = 72;

    private static final int REMEMBERED = 10_000;

    private final int cost;
    private final String pepper;
    private final String unknownUser;
    private final Map<String, String> checked = new ConcurrentHashMap<>();

    Passwords(int cost) {
        this.cost = cost;
        this.pepper = Digests.randomToken(32);
        this.unknownUser = BcryptUtil.bcryptHash(pepper, cost);
    }

    String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /**
     * Whether the password matches the stored hash. With no hash (no such account, or one that signs in by SSO), a
     * bcrypt check still runs, so the answer takes as long as for a wrong password.
     */
    boolean matches(String username, String password, String storedHash) {
        if (storedHash == null) {
            BcryptUtil.matches(password, unknownUser);
            return false;
        }
        String key = username + '\n' + Digests.sha256(pepper + password);
        if (storedHash.equals(checked.get(key))) {
            return true;
        }
        boolean ok = BcryptUtil.matches(password, storedHash);
        if (ok) {
            if (checked.size() >= REMEMBERED) {
                checked.clear();
            }
            checked.put(key, storedHash);
        }
        return ok;
    }

    /** @throws PlannerException (400) naming the field unless the password is one bcrypt keeps whole */
    static void checkNew(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw PlannerException.invalid(field, "at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw PlannerException.invalid(field, "at most " + MAX_BYTES + " bytes: bcrypt reads no further");
        }
    }
}
