package org.upgradeplanner.support;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.ObjLongConsumer;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

/**
 * Ids for rows written with plain JDBC batches, taken from the entity's own generator (its sequence and allocation),
 * so they never collide with rows Hibernate persists as entities.
 */
public final class EntityIds {

    private EntityIds() {}

    /** Gives each of {@code rows} the next id of {@code entity}'s generator. */
    public static <T> void assign(EntityManager em, Class<?> entity, List<T> rows, ObjLongConsumer<T> setId) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        var ids = (BeforeExecutionGenerator) session.getFactory()
                .getMappingMetamodel()
                .getEntityDescriptor(entity)
                .getGenerator();
        for (T row : rows) {
            setId.accept(row, (Long) ids.generate(session, row, null, EventType.INSERT));
        }
    }
}
