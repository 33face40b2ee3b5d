package org.lodestone.screening.lists.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.lists.ListEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FollowTheMoney entities, one JSON object per line, as OpenSanctions exports them ({@code entities.ftm.json}):
 * {@code {"id", "schema", "caption", "properties": {"name": [...], …}, "datasets", "first_seen", …}}. Entities of the
 * party schemas (Person, Company, Organization, LegalEntity, Vessel, Airplane, PublicBody) are imported; every other
 * schema (Address, Sanction, Ownership, Directorship, …) is counted as skipped. Programme and legal basis come from
 * the entity's own {@code programId}/{@code program} properties or, in the nested export, from its embedded
 * {@code sanctions}; flat Sanction entities elsewhere in the file are not joined (that would need a second pass).
 * {@code weakAlias} is left out of the names on purpose: OpenSanctions marks such names as too weak to match on.
 */
final class FtmJsonLines implements ListFileReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> NAMES = List.of("name", "alias", "previousName");
    private static final List<String> COUNTRIES =
            List.of("country", "nationality", "citizenship", "jurisdiction", "mainCountry", "flag");
    private static final List<String> IDENTIFIERS = List.of(
            "registrationNumber",
            "taxNumber",
            "innCode",
            "ogrnCode",
            "okpoCode",
            "vatCode",
            "leiCode",
            "swiftBic",
            "dunsCode",
            "imoNumber",
            "mmsi",
            "idNumber",
            "passportNumber");

    @Override
    public void read(InputStream in, ImportSink sink) throws IOException {
        var lines = new Lines(in);
        boolean first = true;
        Lines.Line line;
        while ((line = lines.next()) != null) {
            if (line.text() != null && line.text().isBlank()) {
                continue;
            }
            if (line.error() != null) {
                if (first) {
                    throw new NotTheDeclaredFormat(
                            "line " + line.number() + " is not a FollowTheMoney JSON line: " + line.error());
                }
                sink.rejected(line.number(), line.error(), "");
                continue;
            }
            String text = line.text();
            JsonNode entity;
            try {
                entity = JSON.readTree(text);
            } catch (JacksonException e) {
                if (first) {
                    throw new NotTheDeclaredFormat("line " + line.number()
                            + " is not JSON; an ftm-json file holds one entity object per line");
                }
                sink.rejected(line.number(), "malformed JSON: " + e.getOriginalMessage(), CsvRecords.excerpt(text));
                continue;
            }
            if (first && (!entity.isObject() || !entity.has("schema"))) {
                throw new NotTheDeclaredFormat("line " + line.number()
                        + " is not a FollowTheMoney entity (a JSON object with \"id\", \"schema\", \"properties\")");
            }
            first = false;
            try {
                ListEntry entry = entry(entity);
                if (entry == null) {
                    sink.skipped(line.number());
                } else {
                    sink.entry(line.number(), entry);
                }
            } catch (Rejected e) {
                sink.rejected(line.number(), e.getMessage(), CsvRecords.excerpt(text));
            }
        }
    }

    static @Nullable ListEntry entry(JsonNode entity) {
        if (!entity.isObject()) {
            throw new Rejected("the line is not a JSON object");
        }
        String schema = Entries.clean(text(entity.get("schema")));
        if (schema == null) {
            throw new Rejected("the entity has no schema");
        }
        if (!Entries.isThing(schema)) {
            return null;
        }
        JsonNode props = entity.path("properties");
        Entries e = Entries.of(text(entity.get("id")), schema);
        List<String> primary = values(props, "name");
        if (primary.stream().allMatch(n -> Entries.clean(n) == null)) {
            String caption = Entries.clean(text(entity.get("caption")));
            if (caption == null) {
                throw new Rejected("the entity has no name");
            }
            e.name(caption);
        }
        String caption = text(entity.get("caption"));
        if (caption != null && primary.contains(caption)) {
            e.name(caption);
        }
        NAMES.forEach(p -> e.names(values(props, p)));
        COUNTRIES.forEach(p -> e.countries(values(props, p)));
        IDENTIFIERS.forEach(p -> values(props, p).forEach(v -> e.identifier(p, v)));

        List<String> programmes = new ArrayList<>(values(props, "programId"));
        programmes.addAll(values(props, "program"));
        List<String> bases = new ArrayList<>();
        for (JsonNode sanction : props.path("sanctions")) {
            JsonNode sp = sanction.path("properties");
            programmes.addAll(values(sp, "programId"));
            programmes.addAll(values(sp, "program"));
            bases.addAll(values(sp, "authority"));
        }
        e.programme(String.join("; ", programmes.stream().distinct().toList()));
        e.legalBasis(String.join("; ", bases.stream().distinct().toList()));
        e.listedOn(text(entity.get("first_seen")));
        List<String> remarks = new ArrayList<>(values(props, "notes"));
        List<String> datasets = new ArrayList<>();
        entity.path("datasets").forEach(d -> datasets.add(d.asString()));
        if (!datasets.isEmpty()) {
            remarks.add("datasets: " + String.join(", ", datasets));
        }
        e.remarks(String.join("\n", remarks));
        List<String> urls = values(props, "sourceUrl");
        e.sourceUrl(urls.isEmpty() ? null : urls.getFirst());
        return e.build();
    }

    private static List<String> values(JsonNode props, String property) {
        JsonNode v = props.get(property);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (item.isValueNode() && !item.isNull()) {
                    out.add(item.asString());
                }
            }
        } else if (v.isValueNode()) {
            out.add(v.asString());
        }
        return out;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() || node.isContainer() ? null : node.asString();
    }
}
