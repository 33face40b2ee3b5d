package org.lodestone.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). Every API call
 * authenticates with a personal API token as a bearer token; the one exception is creating a token, which takes the
 * user's name and password (HTTP Basic). Guarded by {@code OperabilityTests}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearerAuth";
    static final String BASIC = "basicAuth";
    static final String TOKEN_PATH = "/api/v1/auth/tokens";

    @Bean
    OpenAPI lodestoneOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Lodestone API")
                        .version(Versions.application())
                        .description("""
                                Export control of strategic minerals: licence determination against the control list, \
                                audit trail, and more as modules arrive. Authenticate with a personal API token \
                                (`Authorization: Bearer …`), created on the \"API tokens\" page or with \
                                `POST %s` and HTTP Basic. Errors are RFC 9457 `application/problem+json` with a \
                                `requestId`; field errors are listed under `errors` as `{field, reason}`.""".formatted(TOKEN_PATH))
                        .license(new License()
                                .name("Apache License 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("Personal API token"))
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("User name and password; only for creating an API token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Token creation is the one operation that takes a password instead of a token. */
    @Bean
    OpenApiCustomizer basicAuthForTokenCreation() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            var item = openApi.getPaths().get(TOKEN_PATH);
            if (item != null && item.getPost() != null) {
                item.getPost().setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
            }
        };
    }
}
