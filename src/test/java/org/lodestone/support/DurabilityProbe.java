package org.lodestone.support;

import java.sql.DriverManager;

/**
 * Child process for {@code EmbeddedDatabaseDurabilityTests}: commits one row at a time into the given JDBC URL and
 * prints {@code ACK n} only after the commit returned, the way an HTTP 200 follows a commit in the application.
 */
public final class DurabilityProbe {

    public static void main(String[] args) throws Exception {
        try (var c = DriverManager.getConnection(args[0], "sa", "")) {
            c.createStatement()
                    .execute("CREATE TABLE IF NOT EXISTS probe (n INTEGER PRIMARY KEY, payload VARCHAR(200))");
            c.setAutoCommit(false);
            var insert = c.prepareStatement("INSERT INTO probe (n, payload) VALUES (?, ?)");
            for (int n = 1; ; n++) {
                insert.setInt(1, n);
                insert.setString(2, "row " + n + " ".repeat(100));
                insert.executeUpdate();
                c.commit();
                System.out.println("ACK " + n);
                System.out.flush();
            }
        }
    }

    private DurabilityProbe() {}
}
