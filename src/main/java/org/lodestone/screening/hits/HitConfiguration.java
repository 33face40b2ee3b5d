package org.lodestone.screening.hits;

import org.lodestone.screening.hits.store.HitStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the hit store, which lives in a sub-package without Spring annotations of its own. */
@Configuration(proxyBeanMethods = false)
class HitConfiguration {

    @Bean
    HitStore hitStore(JdbcClient jdbc, JsonMapper json) {
        return new HitStore(jdbc, json);
    }
}
