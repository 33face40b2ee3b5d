package org.lodestone.audit;

import java.io.PrintStream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * {@code java -jar lodestone.jar audit-verify [--spring.datasource.url=…]}: verifies the chain of the configured
 * database and prints one line. Exit status 0 when intact, 1 when broken, 2 when verification could not run. It starts
 * only the data source and the trail (no web server, no migrations, no demo data), so it reads the database without
 * changing it, and can check a restored backup as well as the live database. Guarded by
 * {@code AuditVerifyCommandTests}.
 */
public final class AuditVerifyCommand {

    /** The first program argument that selects this command. */
    public static final String NAME = "audit-verify";

    public static final int INTACT = 0;
    public static final int BROKEN = 1;
    public static final int ERROR = 2;

    private AuditVerifyCommand() {}

    /** Runs the command with Spring Boot arguments (e.g. {@code --spring.datasource.url=…}); returns the exit status. */
    public static int run(String... args) {
        return run(System.out, args); // a command-line tool's answer belongs on standard output
    }

    static int run(PrintStream out, String... args) {
        var application = new SpringApplicationBuilder(VerifyContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                // Defaults only: the caller's arguments and environment still win. Start-up failures are summarised in
                // the one line below rather than as a stack trace; --logging.level.org.springframework.boot=INFO
                // brings the details back.
                .properties(
                        "logging.level.root=WARN",
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.boot.diagnostics=OFF",
                        "spring.datasource.hikari.maximum-pool-size=2");
        try (ConfigurableApplicationContext context = application.run(args)) {
            ChainVerification result = context.getBean(AuditTrail.class).verify();
            out.println(result.summary());
            return result.intact() ? INTACT : BROKEN;
        } catch (RuntimeException e) {
            out.println("audit-verify failed: " + rootMessage(e));
            return ERROR;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        // JDBC messages go on with the whole statement; the first sentence is the useful part
        String line = message.lines().findFirst().orElse(message);
        int statement = line.indexOf("; SQL statement");
        return (statement > 0 ? line.substring(0, statement) : line).strip();
    }

    /** Just what verification needs; not a {@code @Configuration}, so the application's own scan never picks it up. */
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class
    })
    @ComponentScan("org.lodestone.audit.store")
    static class VerifyContext {}
}
