package org.lodestone.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import org.lodestone.support.TestDatabases;

/** A fresh PostgreSQL database for one benchmark run, created beside the one a JDBC URL names and dropped after. */
public final class BenchDatabases {

    private BenchDatabases() {}

    /** Creates {@code name} on the server of {@code url}; returns the JDBC URL of the new database. */
    public static String create(String url, String name) throws Exception {
        try (Connection c =
                DriverManager.getConnection(url, TestDatabases.postgresUser(), TestDatabases.postgresPassword())) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return withDatabase(url, name);
    }

    public static void drop(String url, String name) {
        try (Connection c =
                DriverManager.getConnection(url, TestDatabases.postgresUser(), TestDatabases.postgresPassword())) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (Exception e) {
            System.err.println("could not drop benchmark database " + name + ": " + e.getMessage());
        }
    }

    /** {@code jdbc:postgresql://host:port/db?params} with {@code db} replaced by {@code name}. */
    public static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = path.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? path : path.substring(0, slash);
        return server + "/" + name + params;
    }
}
