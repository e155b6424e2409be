package org.upgradeplanner.support;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.engine.spi.SessionImplementor;

/** One statement run for many rows as JDBC batches, on the caller's transaction's connection. */
public final class JdbcBatch {

    /** Rows sent to the database at once. */
    public static final int SIZE = 200;

    /** Sets one row's parameters. */
    public interface Binder<T> {
        void bind(PreparedStatement s, T row) throws SQLException;
    }

    private JdbcBatch() {}

    public static <T> void execute(EntityManager em, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(SessionImplementor.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (int from = 0; from < rows.size(); from += SIZE) {
                    for (T row : rows.subList(from, Math.min(rows.size(), from + SIZE))) {
                        binder.bind(s, row);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
        });
    }
}
