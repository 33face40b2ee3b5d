package org.lodestone.screening.matching;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The features of a comparison, computed when first read: an index scores hundreds of candidates per query and only
 * the few above the threshold are ever explained. Immutable once computed; safe to read from several threads.
 */
final class Features extends AbstractMap<String, Object> {

    private @Nullable Supplier<Map<String, Object>> compute;
    private volatile @Nullable Map<String, Object> values;

    Features(Supplier<Map<String, Object>> compute) {
        this.compute = compute;
    }

    private Map<String, Object> computed() {
        Map<String, Object> v = values;
        if (v == null) {
            synchronized (this) {
                v = values;
                if (v == null) {
                    Supplier<Map<String, Object>> c = compute;
                    v = Collections.unmodifiableMap(c == null ? Map.of() : c.get());
                    values = v;
                    compute = null;
                }
            }
        }
        return v;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return computed().entrySet();
    }

    @Override
    public @Nullable Object get(Object key) {
        return computed().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return computed().containsKey(key);
    }

    @Override
    public int size() {
        return computed().size();
    }
}
