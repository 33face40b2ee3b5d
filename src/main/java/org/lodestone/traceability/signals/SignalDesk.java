package org.lodestone.traceability.signals;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.lodestone.identity.CurrentUser;
import org.lodestone.identity.Identity;
import org.lodestone.identity.Role;
import org.lodestone.traceability.chain.ChainProblem;
import org.lodestone.traceability.chain.Jurisdictions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enforcement dashboard's rules: ENFORCEMENT, REVIEWER and SUPERVISOR see and decide the signals whose region
 * their authority's jurisdiction covers (a national ministry all of its country, a province its own); any other signal
 * answers 404. A decision (CONFIRMED or DISMISSED) needs a reason and the version read (409 when stale or already
 * decided). Guarded by {@code SignalsApiTests} and {@code SignalsAuthorizationMatrixTests}.
 */
@Component
public class SignalDesk {

    static final Set<Role> ANALYSTS = EnumSet.of(Role.ENFORCEMENT, Role.REVIEWER, Role.SUPERVISOR);

    private final Signals signals;
    private final Identity identity;

    SignalDesk(Signals signals, Identity identity) {
        this.signals = signals;
        this.identity = identity;
    }

    /** A signal with the decisions taken on it. */
    public record Detail(Signal signal, List<Signals.Decision> decisions) {}

    private CurrentUser analyst() {
        CurrentUser u = identity.currentUser().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        if (u.roles().stream().noneMatch(ANALYSTS::contains) || u.jurisdiction() == null) {
            throw new AccessDeniedException("signals are for enforcement and review staff of an authority");
        }
        return u;
    }

    public List<Signal> list(@Nullable String kind, @Nullable String state, int limit) {
        CurrentUser u = analyst();
        return signals.list(kind(kind), state(state), u.jurisdiction(), limit);
    }

    public Map<SignalKind, Long> counts(@Nullable String state) {
        CurrentUser u = analyst();
        return signals.counts(state(state), u.jurisdiction());
    }

    public Detail find(String rawId) {
        CurrentUser u = analyst();
        Signal s = visible(u, rawId);
        return new Detail(s, signals.decisions(s.id()));
    }

    @Transactional
    public Detail decide(String rawId, @Nullable String state, @Nullable String reason, @Nullable Long version) {
        CurrentUser u = analyst();
        Signal s = visible(u, rawId);
        Map<String, String> errors = new LinkedHashMap<>();
        Signal.State target = null;
        if (state == null || state.isBlank()) {
            errors.put("state", "is required: CONFIRMED or DISMISSED");
        } else {
            try {
                target = Signal.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (target == null || target == Signal.State.OPEN) {
                errors.put("state", "must be CONFIRMED or DISMISSED, not '" + state + "'");
            }
        }
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            errors.put("reason", "is required: say why the signal is confirmed or dismissed");
        } else if (r.length() > 2000) {
            errors.put("reason", "must be at most 2000 characters");
        }
        if (version == null) {
            errors.put("version", "is required (the version read, " + s.version() + ")");
        }
        if (!errors.isEmpty() || target == null || version == null) {
            throw ChainProblem.invalid(errors);
        }
        if (s.state() != Signal.State.OPEN) {
            throw ChainProblem.conflict("The signal was " + s.state() + " already.");
        }
        if (!signals.decide(s.id(), target, r, version, u.username())) {
            throw ChainProblem.conflict("The signal changed meanwhile (version " + s.version() + ", not " + version
                    + "); reload and decide again.");
        }
        Signal updated = signals.find(s.id()).orElseThrow();
        return new Detail(updated, signals.decisions(s.id()));
    }

    private Signal visible(CurrentUser u, String rawId) {
        UUID id;
        try {
            id = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            throw ChainProblem.notFound("No signal " + rawId.replaceAll("\\p{Cntrl}", "?") + ".");
        }
        return signals.find(id)
                .filter(s -> Jurisdictions.covers(u.jurisdiction(), s.region()))
                .orElseThrow(() -> ChainProblem.notFound("No signal " + id + " in your jurisdiction."));
    }

    private static @Nullable SignalKind kind(@Nullable String raw) {
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return SignalKind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ChainProblem.invalid("kind", "must be one of " + List.of(SignalKind.values()));
        }
    }

    private static Signal.@Nullable State state(@Nullable String raw) {
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return Signal.State.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ChainProblem.invalid("state", "must be one of " + List.of(Signal.State.values()));
        }
    }
}
