package org.lodestone.traceability.epcis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The EPCIS 2.0 SimpleEventQuery parameters of {@code GET /epcis/events}, parsed and normalised: values of one
 * parameter are alternatives (comma-separated or the parameter repeated), parameters are all required; bizStep,
 * disposition and business transaction types are compared in their canonical bare CBV form whichever way the client
 * wrote them. An unknown parameter or an unreadable value is a {@link EpcisProblem#queryParameter}. Guarded by
 * {@code EventQueryApiTests}.
 *
 * @param epcMatches each entry: the roles (see {@link Role}) and the identifiers or patterns, one of which must match
 * @param bizTransactions each entry: a transaction type and the values, one of which must be named with that type
 * @param signature a digest of the normalised parameters, to which a next-page token is bound
 */
public record EventQuery(
        Set<EventType> eventTypes,
        @Nullable Instant geEventTime,
        @Nullable Instant ltEventTime,
        @Nullable Instant geRecordTime,
        @Nullable Instant ltRecordTime,
        Set<Action> actions,
        Set<String> bizSteps,
        Set<String> dispositions,
        Set<String> readPoints,
        Set<String> bizLocations,
        Set<String> eventIds,
        List<Match> epcMatches,
        List<Match> bizTransactions,
        String signature) {

    /** Where an EPC or class is named in an event; the letter is the role code the repository indexes. */
    public enum Role {
        EPC('E'),
        CHILD('C'),
        PARENT('P'),
        INPUT('I'),
        OUTPUT('O'),
        QUANTITY_CLASS('Q'),
        INPUT_CLASS('J'),
        OUTPUT_CLASS('K');

        private final char code;

        Role(char code) {
            this.code = code;
        }

        public char code() {
            return code;
        }
    }

    /** Roles (or, for business transactions, the type in {@code key}) and the accepted values. */
    public record Match(Set<Role> roles, String key, List<String> values) {}

    private static final Map<String, Set<Role>> MATCH = Map.of(
            "MATCH_epc", EnumSet.of(Role.EPC, Role.CHILD),
            "MATCH_parentID", EnumSet.of(Role.PARENT),
            "MATCH_inputEPC", EnumSet.of(Role.INPUT),
            "MATCH_outputEPC", EnumSet.of(Role.OUTPUT),
            "MATCH_anyEPC", EnumSet.of(Role.EPC, Role.CHILD, Role.PARENT, Role.INPUT, Role.OUTPUT),
            "MATCH_epcClass", EnumSet.of(Role.QUANTITY_CLASS),
            "MATCH_inputEPCClass", EnumSet.of(Role.INPUT_CLASS),
            "MATCH_outputEPCClass", EnumSet.of(Role.OUTPUT_CLASS),
            "MATCH_anyEPCClass", EnumSet.of(Role.QUANTITY_CLASS, Role.INPUT_CLASS, Role.OUTPUT_CLASS));

    /** Parameters about paging rather than selection: they are not part of the signature. */
    public static final Set<String> PAGING = Set.of("perPage", "nextPageToken");

    private static final String BIZ_TX = "EQ_bizTransaction_";

    /** Parses the request's query parameters (paging parameters are ignored here). */
    public static EventQuery parse(Map<String, List<String>> parameters) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Instant geEvent = null, ltEvent = null, geRecord = null, ltRecord = null;
        Set<Action> actions = EnumSet.noneOf(Action.class);
        Set<String> bizSteps = new LinkedHashSet<>();
        Set<String> dispositions = new LinkedHashSet<>();
        Set<String> readPoints = new LinkedHashSet<>();
        Set<String> bizLocations = new LinkedHashSet<>();
        Set<String> eventIds = new LinkedHashSet<>();
        List<Match> epcs = new ArrayList<>();
        List<Match> txs = new ArrayList<>();
        var canonical = new TreeMap<String, List<String>>();
        for (var entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (PAGING.contains(name)) {
                continue;
            }
            List<String> values = split(name, entry.getValue());
            switch (name) {
                case "eventType" -> {
                    for (String v : values) {
                        EventType t = EventType.ofDocumentName(v);
                        if (t == null) {
                            throw EpcisProblem.queryParameter(
                                    name,
                                    "'" + v + "' is not an EPCIS event type (ObjectEvent, AggregationEvent,"
                                            + " TransactionEvent, TransformationEvent, AssociationEvent)");
                        }
                        types.add(t);
                    }
                }
                case "GE_eventTime" -> geEvent = time(name, values);
                case "LT_eventTime" -> ltEvent = time(name, values);
                case "GE_recordTime" -> geRecord = time(name, values);
                case "LT_recordTime" -> ltRecord = time(name, values);
                case "EQ_action" -> {
                    for (String v : values) {
                        try {
                            actions.add(Action.valueOf(v));
                        } catch (IllegalArgumentException e) {
                            throw EpcisProblem.queryParameter(name, "'" + v + "' is not ADD, OBSERVE or DELETE");
                        }
                    }
                }
                case "EQ_bizStep" -> values.forEach(v -> bizSteps.add(Vocabulary.bizStep(v)));
                case "EQ_disposition" -> values.forEach(v -> dispositions.add(Vocabulary.disposition(v)));
                case "EQ_readPoint" -> readPoints.addAll(values);
                case "EQ_bizLocation" -> bizLocations.addAll(values);
                case "EQ_eventID" -> eventIds.addAll(values);
                default -> {
                    Set<Role> roles = MATCH.get(name);
                    if (roles != null) {
                        epcs.add(new Match(roles, name, values));
                    } else if (name.startsWith(BIZ_TX) && name.length() > BIZ_TX.length()) {
                        String type = Vocabulary.bizTransactionType(name.substring(BIZ_TX.length()));
                        txs.add(new Match(Set.of(), type, values));
                    } else {
                        throw EpcisProblem.queryParameter(
                                name,
                                "unknown query parameter (this repository answers the SimpleEventQuery"
                                        + " parameters eventType, GE_/LT_eventTime, GE_/LT_recordTime, EQ_action,"
                                        + " EQ_bizStep, EQ_disposition, EQ_readPoint, EQ_bizLocation, EQ_eventID,"
                                        + " MATCH_*, EQ_bizTransaction_<type>, perPage, nextPageToken)");
                    }
                }
            }
            canonical.put(name, values.stream().sorted().toList());
        }
        return new EventQuery(
                types,
                geEvent,
                ltEvent,
                geRecord,
                ltRecord,
                actions,
                bizSteps,
                dispositions,
                readPoints,
                bizLocations,
                eventIds,
                epcs,
                txs,
                digest(canonical.toString()));
    }

    /** A query for one event by its eventID. */
    public static EventQuery byEventId(String eventId) {
        return parse(Map.of("EQ_eventID", List.of(eventId)));
    }

    private static List<String> split(String name, List<String> raw) {
        var out = new ArrayList<String>();
        for (String r : raw) {
            for (String v : r.split(",")) {
                String t = v.strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        if (out.isEmpty()) {
            throw EpcisProblem.queryParameter(name, "no value given");
        }
        return out;
    }

    private static Instant time(String name, List<String> values) {
        if (values.size() != 1) {
            throw EpcisProblem.queryParameter(name, "takes exactly one time");
        }
        try {
            return OffsetDateTime.parse(values.getFirst()).toInstant();
        } catch (DateTimeParseException e) {
            throw EpcisProblem.queryParameter(
                    name, "'" + values.getFirst() + "' is not a date-time with offset (e.g. 2026-03-01T00:00:00Z)");
        }
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- next-page tokens: opaque, bound to the query's signature

    /** The token that continues this query after the event with {@code seq}. */
    public String nextPageToken(long seq) {
        String raw = "1." + seq + "." + signature;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The seq after which this query continues, from a token this same query issued. */
    public long after(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return 0;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw EpcisProblem.queryParameter("nextPageToken", "not a token this repository issued");
        }
        String[] parts = raw.split("\\.");
        if (parts.length != 3 || !parts[0].equals("1")) {
            throw EpcisProblem.queryParameter("nextPageToken", "not a token this repository issued");
        }
        if (!parts[2].equals(signature)) {
            throw EpcisProblem.queryParameter(
                    "nextPageToken",
                    "the token belongs to a query with other parameters; repeat the same" + " parameters with it");
        }
        try {
            return Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw EpcisProblem.queryParameter("nextPageToken", "not a token this repository issued");
        }
    }

    /** CBV vocabulary in its canonical bare form, from the URN, GS1 web URI or bare spelling. */
    public static final class Vocabulary {

        private Vocabulary() {}

        public static String bizStep(String v) {
            return bare(v, "urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-");
        }

        public static String disposition(String v) {
            return bare(v, "urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-");
        }

        public static String bizTransactionType(String v) {
            return bare(v, "urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-");
        }

        public static String sourceDestinationType(String v) {
            return bare(v, "urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-");
        }

        private static String bare(String v, String urn, String web) {
            if (v.startsWith(urn)) {
                return v.substring(urn.length());
            }
            if (v.startsWith(web)) {
                return v.substring(web.length());
            }
            return v;
        }
    }
}
