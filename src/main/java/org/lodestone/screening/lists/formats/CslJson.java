package org.lodestone.screening.lists.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.lists.ListEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The US Consolidated Screening List as trade.gov publishes it in JSON: {@code {"total": …, "results": [{…}, …]}} (a
 * bare array of results is accepted too). Read with Jackson's streaming parser, one result object at a time, so a
 * large file is never held in memory. Unlike the line formats, one JSON document cannot be resumed after a syntax
 * error or invalid UTF-8: that fails the import (see docs/screening.md); a result that is well-formed JSON but
 * not a usable entry is rejected with the line it starts on.
 */
final class CslJson implements ListFileReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public void read(InputStream in, ImportSink sink) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken first;
            try {
                first = p.nextToken();
            } catch (JacksonException e) {
                throw new NotTheDeclaredFormat("the file is not JSON: " + e.getOriginalMessage());
            }
            if (first == JsonToken.START_ARRAY) {
                results(p, sink);
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new NotTheDeclaredFormat("the file is not a csl-json document (expected {\"results\": [...]})");
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("results".equals(name) && value == JsonToken.START_ARRAY) {
                    found = true;
                    results(p, sink);
                } else {
                    p.skipChildren();
                }
            }
            if (!found) {
                throw new NotTheDeclaredFormat("the JSON document has no \"results\" array; not a csl-json file");
            }
        } catch (NotTheDeclaredFormat e) {
            throw e;
        } catch (JacksonException e) {
            throw new MalformedDocument("malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        }
    }

    private static void results(JsonParser p, ImportSink sink) {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            long line = p.currentTokenLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                sink.rejected(line, "a result is not a JSON object", "");
                continue;
            }
            JsonNode result = JSON.readTree(p);
            try {
                sink.entry(line, entry(result));
            } catch (Rejected e) {
                sink.rejected(line, e.getMessage(), CsvRecords.excerpt(result.toString()));
            }
        }
    }

    static ListEntry entry(JsonNode r) {
        String id = text(r, "id");
        Entries e = Entries.of(id != null ? id : text(r, "_id"), Csl.schema(text(r, "type")));
        if (Entries.clean(text(r, "name")) == null) {
            throw new Rejected("the entry has no name");
        }
        e.name(text(r, "name"));
        e.names(texts(r, "alt_names"));
        for (JsonNode address : r.path("addresses")) {
            e.country(address.isObject() ? text(address, "country") : null);
        }
        e.countries(texts(r, "nationalities"));
        e.countries(texts(r, "citizenships"));
        for (JsonNode ident : r.path("ids")) {
            if (ident.isObject()) {
                e.identifier(text(ident, "type"), text(ident, "number"));
            }
        }
        e.programme(Csl.programme(text(r, "source"), String.join("; ", texts(r, "programs"))));
        e.legalBasis(text(r, "federal_register_notice"));
        e.listedOn(text(r, "start_date"));
        e.remarks(text(r, "remarks"));
        String info = text(r, "source_information_url");
        e.sourceUrl(info != null ? info : text(r, "source_list_url"));
        return e.build();
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainer()) {
            return null;
        }
        return v.asString();
    }

    /** An array of strings, or one string with {@code ;}-separated values. */
    private static List<String> texts(JsonNode node, String field) {
        JsonNode v = node.get(field);
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
            return out;
        }
        return v.isValueNode() ? Entries.split(v.asString(), ';') : out;
    }
}
