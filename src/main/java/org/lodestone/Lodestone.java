package org.lodestone;

import java.util.Arrays;
import org.lodestone.audit.AuditVerifyCommand;
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
        if (args.length > 0 && AuditVerifyCommand.NAME.equals(args[0])) {
            // audit-verify: check the chain of the configured database without starting the application
            System.exit(AuditVerifyCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(Lodestone.class, args);
    }
}
