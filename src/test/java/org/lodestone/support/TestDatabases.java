package org.lodestone.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh, migrated databases for tests: an in-memory H2 in PostgreSQL mode, or a new schema on the PostgreSQL server
 * named by {@code LODESTONE_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code LODESTONE_TEST_POSTGRES_USER}, default {@code postgres}). Where that server is unreachable the PostgreSQL tests
 * are skipped, except under CI ({@code CI=true}) or {@code LODESTONE_TEST_POSTGRES_REQUIRED=true}, where they fail.
 */
public final class TestDatabases {

    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private TestDatabases() {}

    /** A new, empty in-memory H2 database that lives until the JVM ends, migrated with Flyway. */
    public static DataSource h2() {
        var ds = new DriverManagerDataSource(
                "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + H2_OPTIONS + ";DB_CLOSE_DELAY=-1",
                "sa",
                "");
        migrate(ds);
        return ds;
    }

    /** A new schema on the test PostgreSQL server, migrated with Flyway; connections use it as their search path. */
    public static DataSource postgres() {
        String schema = newPostgresSchema();
        var ds = new DriverManagerDataSource(postgresUrl(schema), postgresUser(), postgresPassword());
        migrate(ds);
        return ds;
    }

    /** Points a Spring Boot test context at a fresh PostgreSQL schema (use from a {@code @DynamicPropertySource}). */
    public static void registerPostgres(DynamicPropertyRegistry registry) {
        String schema = newPostgresSchema();
        registry.add("spring.datasource.url", () -> postgresUrl(schema));
        registry.add("spring.datasource.username", TestDatabases::postgresUser);
        registry.add("spring.datasource.password", TestDatabases::postgresPassword);
        registry.add("spring.flyway.schemas", () -> schema);
    }

    /** JDBC URL of a new, empty schema on the test PostgreSQL server (credentials: {@link #postgresUser()} etc.). */
    public static String newPostgresUrl() {
        return postgresUrl(newPostgresSchema());
    }

    public static void migrate(DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** A single-connection data source, for tests that need raw SQL on the same database a store uses. */
    public static DataSource single(DataSource ds) throws SQLException {
        return new SingleConnectionDataSource(ds.getConnection(), true);
    }

    static String baseUrl() {
        return env("LODESTONE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String postgresUser() {
        return env("LODESTONE_TEST_POSTGRES_USER", "postgres");
    }

    public static String postgresPassword() {
        return env("LODESTONE_TEST_POSTGRES_PASSWORD", "");
    }

    private static String postgresUrl(String schema) {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String newPostgresSchema() {
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl(), postgresUser(), postgresPassword())) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            boolean required = "true".equalsIgnoreCase(System.getenv("CI"))
                    || "true".equalsIgnoreCase(System.getenv("LODESTONE_TEST_POSTGRES_REQUIRED"));
            if (required) {
                throw new IllegalStateException(
                        "PostgreSQL for tests is unreachable at " + baseUrl() + ": " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + baseUrl() + " (" + e.getMessage() + "); skipping");
        }
        return schema;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * The demo database URL exactly as {@code application.yml} configures it (file H2 under the data directory, with
     * its durability options), for tests that must run against what users run.
     */
    @SuppressWarnings("unchecked")
    public static String demoFileUrl(java.nio.file.Path dataDir) {
        try (var in = new org.springframework.core.io.ClassPathResource("application.yml").getInputStream()) {
            java.util.Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml().load(in);
            var spring = (java.util.Map<String, Object>) yaml.get("spring");
            var datasource = (java.util.Map<String, Object>) spring.get("datasource");
            return ((String) datasource.get("url")).replace("${lodestone.data-dir}", dataDir.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
