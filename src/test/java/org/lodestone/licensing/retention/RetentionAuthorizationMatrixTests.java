package org.lodestone.licensing.retention;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.support.AdminOnlyMatrix;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Retention is for administrators only: anonymous 401, ADMIN 200, every other demo role 403 (#6). */
@IntegrationTest
class RetentionAuthorizationMatrixTests {

    private static final String TABLE = """
            GET    /api/v1/retention
            POST   /api/v1/retention/runs
            """;

    @Autowired
    MockMvcTester mvc;

    static Stream<Arguments> matrix() {
        return AdminOnlyMatrix.cases(TABLE);
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("matrix")
    void onlyAdministratorsSeeAndRunRetention(String method, String path, String caller) {
        AdminOnlyMatrix.check(mvc, method, path, caller, 200);
    }
}
