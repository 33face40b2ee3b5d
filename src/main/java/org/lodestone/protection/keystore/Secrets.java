package org.lodestone.protection.keystore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** File helpers for key material: owner-only permissions, durable writes, the demo-mode password file. */
public final class Secrets {

    private Secrets() {}

    /**
     * Reads the password file, or creates one with 32 random bytes (base64) when neither it nor the keystore exists.
     * Demo mode only: production configures the password ({@code LODESTONE_PROTECTION_KEYSTORE_PASSWORD}).
     */
    public static char[] demoPassword(Path passwordFile, boolean keystoreExists) throws IOException {
        if (Files.exists(passwordFile)) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8)
                    .strip()
                    .toCharArray();
        }
        if (keystoreExists) {
            throw new IOException("the keystore exists but its password file " + passwordFile + " is missing and no"
                    + " password is configured (lodestone.protection.keystore.password)");
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path dir = passwordFile.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(passwordFile.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            out.write(password.getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.force(true);
        }
        ownerOnly(temp);
        Files.move(temp, passwordFile, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(dir);
        return password.toCharArray();
    }

    static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX filesystem: the operator restricts access (docs/operations.md)
        }
    }

    static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some filesystems cannot open directories; the rename itself is atomic
        }
    }
}
