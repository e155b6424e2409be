package org.upgradeplanner.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the planner's own tables answer a query: a connection that opens is not enough (an embedded
 * database whose store was closed still hands out connections).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final AgroalDataSource db;

    DatabaseReadiness(AgroalDataSource db) {
        this.db = db;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            try (ResultSet rs = s.executeQuery("select current_value from change_counter where counter = 'fleet'")) {
                return HealthCheckResponse.named("planner database")
                        .status(rs.next())
                        .build();
            }
        } catch (Exception e) {
            return HealthCheckResponse.named("planner database")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
