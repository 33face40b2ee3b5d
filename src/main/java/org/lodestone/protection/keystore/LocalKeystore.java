package org.lodestone.protection.keystore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.lodestone.protection.KeyProvider;

/**
 * Key-encryption keys in a PKCS12 keystore file (the JDK's own format; {@code keytool -list} reads it): AES-256
 * secret-key entries {@code kek-1}, {@code kek-2}, …, the highest being current. Data keys are wrapped with AES-256-GCM
 * (random 96-bit nonce, 128-bit tag) rather than AES-KWP, because GCM binds the scope as associated data: a wrapped key
 * moved to another scope's row fails to unwrap. Every change is written to a temp file, forced to disk and renamed over
 * the old file, so a crash leaves the old or the new keystore, never half of one. Guarded by {@code LocalKeystoreTests}.
 */
public final class LocalKeystore implements KeyProvider {

    private static final String PREFIX = "kek-";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final char[] password;
    private final Map<String, SecretKey> keks = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private LocalKeystore(Path file, char[] password) {
        this.file = file;
        this.password = password.clone();
    }

    /**
     * Opens an existing keystore.
     *
     * @throws IOException when the file is missing or unreadable, or the password is wrong
     */
    public static LocalKeystore open(Path file, char[] password) throws IOException {
        var keystore = new LocalKeystore(file, password);
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (alias.startsWith(PREFIX) && ks.isKeyEntry(alias)) {
                    keystore.keks.put(alias, (SecretKey) ks.getKey(alias, password));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
        if (keystore.keks.isEmpty()) {
            throw new IOException("keystore " + file + " holds no key-encryption key (kek-N entries)");
        }
        return keystore;
    }

    /** Creates a new keystore holding {@code kek-1}; refuses to overwrite an existing file. */
    public static LocalKeystore create(Path file, char[] password) throws IOException {
        if (Files.exists(file)) {
            throw new IOException("keystore " + file + " already exists; not overwriting it");
        }
        var keystore = new LocalKeystore(file, password);
        try {
            keystore.keks.put(PREFIX + 1, newAesKey());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create a key-encryption key", e);
        }
        keystore.persist();
        return keystore;
    }

    public Path file() {
        return file;
    }

    @Override
    public String currentKek() {
        return keks.keySet().stream()
                .max(Comparator.comparingInt(LocalKeystore::number))
                .orElseThrow();
    }

    @Override
    public Set<String> keks() {
        var ids = new TreeSet<String>(Comparator.comparingInt(LocalKeystore::number));
        ids.addAll(keks.keySet());
        return Collections.unmodifiableSet(ids);
    }

    @Override
    public byte[] wrap(String kekId, byte[] dataKey, byte[] context) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, kek(kekId), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context);
        byte[] sealed = cipher.doFinal(dataKey);
        return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    }

    @Override
    public byte[] unwrap(String kekId, byte[] wrapped, byte[] context) throws GeneralSecurityException {
        if (wrapped.length < NONCE + TAG_BITS / 8) {
            throw new GeneralSecurityException("wrapped key too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, kek(kekId), new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE));
        cipher.updateAAD(context);
        return cipher.doFinal(wrapped, NONCE, wrapped.length - NONCE);
    }

    @Override
    public synchronized String newKek() throws GeneralSecurityException {
        String id = PREFIX + (number(currentKek()) + 1);
        keks.put(id, newAesKey());
        try {
            persist();
        } catch (IOException e) {
            keks.remove(id);
            throw new GeneralSecurityException("cannot write keystore " + file + ": " + e.getMessage(), e);
        }
        return id;
    }

    @Override
    public synchronized void retire(String kekId) throws GeneralSecurityException {
        if (kekId.equals(currentKek())) {
            throw new GeneralSecurityException("the current key-encryption key " + kekId + " cannot be retired");
        }
        SecretKey removed = keks.remove(kekId);
        if (removed == null) {
            return;
        }
        try {
            persist();
        } catch (IOException e) {
            keks.put(kekId, removed);
            throw new GeneralSecurityException("cannot write keystore " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return "the local keystore " + file;
    }

    private SecretKey kek(String kekId) throws GeneralSecurityException {
        SecretKey key = keks.get(kekId);
        if (key == null) {
            throw new GeneralSecurityException("key-encryption key " + kekId + " is not in keystore " + file);
        }
        return key;
    }

    private static SecretKey newAesKey() throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, new SecureRandom());
        return generator.generateKey();
    }

    private static int number(String kekId) {
        try {
            return Integer.parseInt(kekId.substring(PREFIX.length()));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private synchronized void persist() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, password);
            var protection = new KeyStore.PasswordProtection(password);
            for (var e : keks.entrySet()) {
                ks.setEntry(e.getKey(), new KeyStore.SecretKeyEntry(e.getValue()), protection);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                ks.store(out, password);
                out.flush();
                channel.force(true);
            }
            Secrets.ownerOnly(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Secrets.forceDirectory(dir);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write keystore " + file + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
