package org.upgradeplanner.web;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One signed-in browser: the hash of its cookie's token, whose it is, and until when it is valid. */
@Entity
@Table(name = "web_session")
public class WebSession extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    public String username;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    static long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
