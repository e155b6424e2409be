package org.upgradeplanner.support;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * A query for the rows that match any of many values, bound as one SQL array and joined as a table
 * ({@code from unnest(?) as v(name) join …}, on H2 and PostgreSQL), on the caller's transaction's connection. An
 * import looks up ten thousand names at once: as {@code in} lists that is ten statements of a thousand parameters each,
 * each translated and parsed anew; as {@code = any(?)} H2 uses the index but then tests every row it finds against
 * the whole array (300 ms for 10,000 names); joined, each value is one index lookup (15 ms).
 */
public final class ArrayQuery {

    /** Reads one result row. */
    public interface Mapper<R> {
        R map(ResultSet rs) throws SQLException;
    }

    /** Takes one result row. */
    public interface Handler {
        void take(ResultSet rs) throws SQLException;
    }

    private ArrayQuery() {}

    /** Runs {@code sql}, whose only parameter is an array of strings ({@code unnest(?)}), with {@code values}. */
    public static <R> List<R> list(EntityManager em, String sql, Collection<String> values, Mapper<R> mapper) {
        List<R> results = new ArrayList<>();
        each(em, sql, values, rs -> results.add(mapper.map(rs)));
        return results;
    }

    /** As {@link #list}, handing each row to {@code handler}. */
    public static void each(EntityManager em, String sql, Collection<String> values, Handler handler) {
        if (values.isEmpty()) {
            return;
        }
        em.unwrap(SessionImplementor.class).doWork(connection -> {
            Array array = connection.createArrayOf("varchar", values.toArray());
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setArray(1, array);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        handler.take(rs);
                    }
                }
            } finally {
                array.free();
            }
        });
    }
}
