package org.lodestone.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * SPI: a module states who may call its endpoints. Identity applies every policy bean to its filter chains and then
 * denies whatever no policy matched, so an endpoint nobody wrote a rule for answers 403. Each module only names its
 * own paths, so policies never overlap.
 */
public interface EndpointPolicy {

    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
