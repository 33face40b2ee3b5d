package org.lodestone.protection;

import java.util.List;
import org.lodestone.support.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * #6 on PostgreSQL: the server's data directory is not readable from the test, so every column of every table of a
 * fresh schema is searched (the contract). A Spring context of its own, on the server named by
 * {@code LODESTONE_TEST_POSTGRES_URL}; skipped where that server is unreachable (outside CI).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConfidentialityAtRestPostgresTests extends ConfidentialityAtRestContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.registerPostgres(registry);
    }

    @Override
    void scanDatabaseFiles(List<String> values) {
        // Not reachable on PostgreSQL; the column scan covers what the server stores.
    }
}
