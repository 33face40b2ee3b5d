package org.lodestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** #2: production mode refuses H2, a missing database and demo seeding; demo mode needs nothing. */
class RunModeGuardTests {

    private final RunModeGuard guard = new RunModeGuard();
    private final SpringApplication app = new SpringApplication(Lodestone.class);

    @Test
    void demoModeWithEmbeddedH2Starts() {
        var env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/lodestone");
        assertThatCode(() -> guard.postProcessEnvironment(env, app)).doesNotThrowAnyException();
    }

    @Test
    void productionRefusesEmbeddedH2() {
        var env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/lodestone;MODE=PostgreSQL");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> guard.postProcessEnvironment(env, app))
                .hasMessageContaining("embedded H2")
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageNotContaining("MODE=PostgreSQL");
    }

    @Test
    void productionRefusesMissingDatabase() {
        var env = new MockEnvironment().withProperty("spring.datasource.url", "");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> guard.postProcessEnvironment(env, app)).hasMessageContaining("no database configured");
    }

    @Test
    void productionRefusesDemoSeedingAndListsEveryProblem() {
        var env = new MockEnvironment()
                .withProperty("lodestone.demo", "true")
                .withProperty("spring.datasource.url", "jdbc:h2:mem:x");
        env.setActiveProfiles("prod");
        assertThatThrownBy(() -> guard.postProcessEnvironment(env, app))
                .hasMessageContaining("lodestone.demo=true is not allowed")
                .hasMessageContaining("embedded H2");
    }

    @Test
    void demoOffWithoutProfileIsTreatedAsProduction() {
        var env = new MockEnvironment()
                .withProperty("lodestone.demo", "false")
                .withProperty("spring.datasource.url", "jdbc:h2:mem:x");
        assertThatThrownBy(() -> guard.postProcessEnvironment(env, app)).hasMessageContaining("embedded H2");
    }

    @Test
    void productionWithPostgresPasses() {
        var env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/lodestone")
                .withProperty("lodestone.protection.keystore.path", "/etc/lodestone/keys.p12")
                .withProperty("lodestone.protection.keystore.password", "from-the-secret-store");
        env.setActiveProfiles("prod");
        assertThat(RunModeGuard.problems(env, true, false)).isEmpty();
    }

    @Test
    void productionRefusesADefaultedKeystore() { // #6
        var env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/lodestone");
        env.setActiveProfiles("prod");
        assertThat(RunModeGuard.problems(env, true, false))
                .anySatisfy(p -> assertThat(p).contains("LODESTONE_PROTECTION_KEYSTORE_PATH"))
                .anySatisfy(p -> assertThat(p).contains("LODESTONE_PROTECTION_KEYSTORE_PASSWORD"));
        env.setProperty("lodestone.protection.key-provider", "external");
        assertThat(RunModeGuard.problems(env, true, false)).isEmpty();
    }
}
