package org.lodestone.controllist;

import org.lodestone.controllist.store.ControlListStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the store, which lives in an adapter package without Spring annotations of its own. */
@Configuration(proxyBeanMethods = false)
class ControlListConfiguration {

    @Bean
    ControlListStore controlListStore(JdbcClient jdbc) {
        return new ControlListStore(jdbc);
    }
}
