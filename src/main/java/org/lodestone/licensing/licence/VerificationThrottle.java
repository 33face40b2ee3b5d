package org.lodestone.licensing.licence;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Token bucket per client IP for the public verification endpoints: {@code verificationsPerMinute} tokens, refilled
 * continuously. Enough for people scanning certificates, too few to enumerate check codes (60 bits). Memory is bounded:
 * when too many clients are tracked, full buckets (idle clients) are dropped. Guarded by
 * {@code VerificationThrottleUnitTests}.
 */
@Component
public class VerificationThrottle {

    static final int MAX_TRACKED = 100_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double perNano;
    private final Clock clock;

    @Autowired
    public VerificationThrottle(LicenceProperties properties, ObjectProvider<Clock> clock) {
        this(properties.verificationsPerMinute(), clock.getIfUnique(Clock::systemUTC));
    }

    VerificationThrottle(int perMinute, Clock clock) {
        this.capacity = Math.max(1, perMinute);
        this.perNano = capacity / 60_000_000_000d;
        this.clock = clock;
    }

    /** Takes one token for {@code client}; false when its bucket is empty (answer 429). */
    public boolean tryAcquire(String client) {
        long now = clock.instant().getEpochSecond() * 1_000_000_000L
                + clock.instant().getNano();
        if (buckets.size() > MAX_TRACKED) {
            buckets.entrySet().removeIf(e -> e.getValue().fullAt(now));
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
        return bucket.take(now);
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.updated = at;
        }

        synchronized boolean take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * perNano);
                updated = now;
            }
        }
    }
}
