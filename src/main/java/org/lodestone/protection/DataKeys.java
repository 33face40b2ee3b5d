package org.lodestone.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.lodestone.protection.store.DataKeyStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One AES-256 data key per scope, created on first use, stored only wrapped by the key provider's current KEK, unwrapped
 * on demand and kept in a bounded LRU cache for at most five minutes (a destroyed key is evicted at once here, and within five minutes on other nodes). A new key is inserted in its own
 * transaction, so content encrypted under it (a document written outside the caller's transaction) never outlives its
 * key, and two first uses that race agree on one key. Guarded by {@code ProtectionUnitTests}.
 */
final class DataKeys {

    static final int GENERATION = 1;
    private static final int KEY_BYTES = 32;

    /** An unwrapped data key; the array is never handed out beyond the ciphers. */
    record DataKey(int generation, byte[] key) {}

    /**
     * How long an unwrapped key is used from memory before its row is read again: bounds how long another node of a
     * cluster keeps using a key this node destroyed.
     */
    static final long CACHE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);

    private record Cached(DataKey key, long loadedAt) {}

    private final DataKeyStore store;
    private final KeyProvider provider;
    private final TransactionOperations newTransaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache;

    DataKeys(
            DataKeyStore store,
            KeyProvider provider,
            TransactionOperations newTransaction,
            Clock clock,
            int cacheSize) {
        this.store = store;
        this.provider = provider;
        this.newTransaction = newTransaction;
        this.clock = clock;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > cacheSize;
            }
        };
    }

    /**
     * Refuses to run when data keys reference key-encryption keys the provider does not hold: starting anyway would
     * make their content unreadable and tempt someone to "fix" it with a new keystore.
     */
    void verifyCustody() {
        Set<String> missing = new TreeSet<>(store.liveKeysByKek().keySet());
        missing.removeAll(provider.keks());
        if (!missing.isEmpty()) {
            throw new KeyCustodyFailure("the database holds data keys wrapped under key-encryption key(s) " + missing
                    + " that " + provider.location() + " does not hold (it has " + provider.keks() + ").");
        }
    }

    /** The scope's key, created if it has none yet. */
    DataKey forSealing(Scope scope) {
        DataKey cached = cached(scope);
        if (cached != null) {
            return cached;
        }
        Optional<DataKeyStore.Row> row = store.find(scope.value());
        if (row.isEmpty()) {
            return create(scope);
        }
        return unwrap(scope, row.get());
    }

    /** The scope's key of {@code generation}; an integrity problem when there is none (the value was moved). */
    DataKey forOpening(Scope scope, int generation) {
        DataKey key = cached(scope);
        if (key == null) {
            DataKeyStore.Row row =
                    store.find(scope.value()).orElseThrow(() -> ProtectionProblem.integrity(scope, "data key", null));
            key = unwrap(scope, row);
        }
        if (key.generation() != generation) {
            throw ProtectionProblem.integrity(scope, "data key generation " + generation, null);
        }
        return key;
    }

    boolean destroy(Scope scope) {
        synchronized (cache) {
            cache.remove(scope.value());
        }
        boolean destroyed = store.destroy(scope.value(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        synchronized (cache) {
            cache.remove(scope.value());
        }
        return destroyed;
    }

    boolean isDestroyed(Scope scope) {
        return store.find(scope.value()).map(r -> r.destroyedAt() != null).orElse(false);
    }

    static byte[] wrapContext(String scope, int generation) {
        return ("lodestone-data-key|" + scope + "|" + generation).getBytes(StandardCharsets.UTF_8);
    }

    private DataKey create(Scope scope) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        String kek = provider.currentKek();
        byte[] wrapped;
        try {
            wrapped = provider.wrap(kek, key, wrapContext(scope.value(), GENERATION));
        } catch (GeneralSecurityException e) {
            throw ProtectionProblem.keyUnavailable(scope, kek, provider.location(), e);
        }
        try {
            newTransaction.executeWithoutResult(tx -> store.insert(
                    scope.value(), GENERATION, kek, wrapped, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        } catch (DuplicateKeyException raced) {
            // Someone else created the scope's key first: use theirs.
            return unwrap(scope, store.find(scope.value()).orElseThrow());
        }
        var created = new DataKey(GENERATION, key);
        remember(scope, created);
        return created;
    }

    private DataKey unwrap(Scope scope, DataKeyStore.Row row) {
        if (row.destroyedAt() != null || row.wrapped() == null || row.kekId() == null) {
            throw ProtectionProblem.destroyed(scope, row.destroyedAt());
        }
        if (!provider.keks().contains(row.kekId())) {
            throw ProtectionProblem.keyUnavailable(scope, row.kekId(), provider.location(), null);
        }
        byte[] key;
        try {
            key = provider.unwrap(row.kekId(), row.wrapped(), wrapContext(scope.value(), row.generation()));
        } catch (GeneralSecurityException e) {
            throw ProtectionProblem.integrity(scope, "wrapped data key", e);
        }
        var dataKey = new DataKey(row.generation(), key);
        remember(scope, dataKey);
        return dataKey;
    }

    private @Nullable DataKey cached(Scope scope) {
        synchronized (cache) {
            Cached c = cache.get(scope.value());
            if (c == null) {
                return null;
            }
            if (System.nanoTime() - c.loadedAt() > CACHE_NANOS) {
                cache.remove(scope.value());
                return null;
            }
            return c.key();
        }
    }

    private void remember(Scope scope, DataKey key) {
        synchronized (cache) {
            cache.put(scope.value(), new Cached(key, System.nanoTime()));
        }
    }

    void forgetAll() {
        synchronized (cache) {
            cache.clear();
        }
    }
}
