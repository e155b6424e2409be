package org.upgradeplanner.window;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A period no window may touch, imported from an iCalendar file. */
@Entity
@Table(name = "freeze_period")
public class FreezePeriod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "freeze_period_seq")
    @SequenceGenerator(name = "freeze_period_seq", sequenceName = "freeze_period_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 200)
    public String source;

    @Column(nullable = false, length = 500)
    public String summary;

    @Column(name = "start_at", nullable = false)
    public Instant start;

    @Column(name = "end_at", nullable = false)
    public Instant end;
}
