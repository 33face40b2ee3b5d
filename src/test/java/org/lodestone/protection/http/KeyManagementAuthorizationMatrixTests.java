package org.lodestone.protection.http;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestone.support.AdminOnlyMatrix;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Key management is for administrators only: every endpoint × anonymous (401) and each demo role (403 for all but
 * ADMIN), through real bearer tokens (#6). Allowed calls answer what the endpoint answers (202 or 409 for a rotation, 404
 * for an unknown KEK).
 */
@IntegrationTest
class KeyManagementAuthorizationMatrixTests {

    private static final String TABLE = """
            GET    /api/v1/protection/keys
            POST   /api/v1/protection/keys/rotation
            GET    /api/v1/protection/keys/rotation
            DELETE /api/v1/protection/keys/kek-999
            """;

    @Autowired
    MockMvcTester mvc;

    static Stream<Arguments> matrix() {
        return AdminOnlyMatrix.cases(TABLE);
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("matrix")
    void onlyAdministratorsManageKeys(String method, String path, String caller) {
        AdminOnlyMatrix.check(mvc, method, path, caller, 200, 202, 404, 409);
    }
}
