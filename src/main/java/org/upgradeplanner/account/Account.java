package org.upgradeplanner.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.upgradeplanner.support.Roles;

/** A person: a local account with a bcrypt password, or one signed in by single sign-on (no password, a subject). */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String role;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean enabled;

    /** The provider's {@code sub} of a person signed in by SSO; {@code null} for a local account. */
    @Column(name = "sso_subject")
    public String ssoSubject;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Version
    public long version;

    boolean sso() {
        return ssoSubject != null;
    }

    static Account bySubject(String subject) {
        return find("ssoSubject", subject).firstResult();
    }

    static long enabledAdmins() {
        return count("role = ?1 and enabled = true", Roles.ADMIN);
    }
}
