package org.lodestone.identity.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lodestone.Lodestone;
import org.lodestone.identity.Role;
import org.lodestone.identity.store.Organisations;
import org.lodestone.identity.store.Users;
import org.lodestone.support.TestDatabases;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Production mode (prod profile, PostgreSQL): no demo data, a bootstrap administrator from properties, and no start without an administrator. */
class ProductionModeTests {

    @TempDir
    Path dir;

    /** Production keeps its keystore where configured, apart from the data directory (#6). */
    @TempDir
    Path keys;

    private ConfigurableApplicationContext start(String url, String... properties) {
        // Command-line arguments, because builder properties are defaults that application.yml would override.
        var args = new java.util.ArrayList<>(java.util.List.of(
                "--spring.profiles.active=prod",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabases.postgresUser(),
                "--spring.datasource.password=" + TestDatabases.postgresPassword(),
                "--lodestone.data-dir=" + dir,
                "--lodestone.protection.keystore.path=" + keys.resolve("keys.p12"),
                "--lodestone.protection.keystore.password=production-test-password",
                "--server.port=0"));
        for (String p : properties) {
            args.add("--" + p);
        }
        return new SpringApplicationBuilder(Lodestone.class)
                .web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
    }

    /** Production runs on PostgreSQL only (RunModeGuard refuses H2), so these tests do too. */
    private String fileDatabase() {
        return TestDatabases.newPostgresUrl();
    }

    @Test
    void refusesToStartWithoutAnAdministrator() {
        assertThatThrownBy(() -> start(fileDatabase()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without an administrator")
                .hasMessageContaining("lodestone.identity.bootstrap-admin.username")
                .hasMessageContaining("LODESTONE_IDENTITY_BOOTSTRAPADMIN_PASSWORD");
    }

    @Test
    void refusesAShortBootstrapPassword() {
        assertThatThrownBy(() -> start(
                                fileDatabase(),
                                "lodestone.identity.bootstrap-admin.username=root",
                                "lodestone.identity.bootstrap-admin.password=short",
                                "lodestone.identity.bootstrap-admin.organisation=Ministry of Commerce")
                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 12 characters");
    }

    @Test
    void createsTheBootstrapAdministratorOnceAndKeepsItAcrossRestarts() throws Exception {
        String url = fileDatabase();
        try (var context = start(
                url,
                "lodestone.identity.bootstrap-admin.username=root",
                "lodestone.identity.bootstrap-admin.password=a very long secret",
                "lodestone.identity.bootstrap-admin.organisation=Ministry of Commerce")) {
            Users users = context.getBean(Users.class);
            var root = users.findByUsername("root").orElseThrow();
            assertThat(root.roles()).containsExactly(Role.ADMIN);
            assertThat(root.passwordHash())
                    .startsWith("{argon2@SpringSecurity_v5_8}")
                    .doesNotContain("a very long secret");
            assertThat(users.findByUsername("applicant")).isEmpty();
            assertThat(users.all()).hasSize(1);
            var orgs = context.getBean(Organisations.class).all();
            assertThat(orgs).singleElement().satisfies(o -> {
                assertThat(o.name()).isEqualTo("Ministry of Commerce");
                assertThat(o.jurisdiction()).isEqualTo("CN");
            });
        }
        assertThat(Files.list(dir))
                .as("production mode writes nothing into the demo data directory")
                .isEmpty();

        // Second start without bootstrap properties: the administrator from the first start is still there.
        try (var context = start(url)) {
            assertThat(context.getBean(Users.class).findByUsername("root")).isPresent();
            assertThat(context.getBean(Users.class).all()).hasSize(1);
        }
    }
}
