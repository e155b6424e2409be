package org.upgradeplanner.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change: who did what to which subject, when, with the state before and after (JSON). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 255)
    public String actor;

    /** The display name of the person (or token) who acted, when known. */
    @Column(name = "actor_name", length = 255)
    public String actorName;

    /** The single sign-on subject of a person signed in by SSO. */
    @Column(name = "actor_subject", length = 255)
    public String actorSubject;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(name = "subject_type", nullable = false, length = 32)
    public String subjectType;

    @Column(length = 512)
    public String subject;

    @Column(name = "before_state", length = 100_000)
    public String before;

    @Column(name = "after_state", length = 100_000)
    public String after;

    @Column(length = 4000)
    public String detail;
}
