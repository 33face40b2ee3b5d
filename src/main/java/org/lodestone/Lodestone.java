package org.lodestone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Lodestone: export control of strategic minerals, one modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Lodestone", sharedModules = "shared")
public class Lodestone {

    public static void main(String[] args) {
        SpringApplication.run(Lodestone.class, args);
    }
}
