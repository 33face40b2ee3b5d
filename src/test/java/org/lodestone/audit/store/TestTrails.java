package org.lodestone.audit.store;

import java.time.Clock;
import javax.sql.DataSource;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The real trail over any migrated database, for tests outside this package that need rows to verify. */
public final class TestTrails {

    private TestTrails() {}

    public static AuditTrail over(DataSource dataSource) {
        return new ChainedAuditTrail(
                JdbcClient.create(dataSource),
                new DataSourceTransactionManager(dataSource),
                () -> AuditActor.SYSTEM,
                Clock.systemUTC());
    }
}
