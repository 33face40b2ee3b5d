package org.lodestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.lodestone.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint Lodestone serves is listed in {@code endpoint-inventory.txt} with the authorization matrix test that
 * covers it, and nothing listed has disappeared. A new endpoint therefore fails this test until someone puts it into
 * a matrix (product rule: authorization is tested as a matrix, endpoint × role × ownership).
 */
@IntegrationTest
class EndpointInventoryTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsInTheInventoryWithItsMatrixTest() throws IOException {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.lodestone")) {
                return; // springdoc and actuator are covered by the matrix rows for their paths
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    served.add("ANY " + pattern);
                }
                for (RequestMethod m : methods) {
                    served.add(m + " " + pattern);
                }
            }
        });

        Set<String> listed = new TreeSet<>();
        String inventory = new ClassPathResource("endpoint-inventory.txt").getContentAsString(StandardCharsets.UTF_8);
        for (String line : inventory.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+->\\s+");
            assertThat(parts)
                    .as("line '%s' must read 'METHOD /path -> CoveringTests'", line)
                    .hasSize(2);
            listed.add(parts[0].strip());
        }
        assertThat(served)
                .as(
                        "endpoints served but missing from endpoint-inventory.txt (add them to an authorization matrix test)")
                .isSubsetOf(listed);
        assertThat(listed)
                .as("endpoints listed in endpoint-inventory.txt that no longer exist")
                .isSubsetOf(served);
    }
}
