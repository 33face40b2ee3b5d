package org.lodestone.licensing.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Application content as JSON: the frozen text of a revision, the tree the completeness rules read fields from, and the
 * field-level diff between two revisions. Uses its own mapper, so the stored text does not change when the API's JSON
 * settings do. Lists of parties and items are matched by id, not position, so removing party 1 shows as one removed
 * party rather than every later party "changed". Guarded by {@code ApplicationStoreContractTests} and
 * {@code ApplicationApiTests}.
 */
public final class Snapshots {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Snapshots() {}

    public static String write(ApplicationContent content) {
        return JSON.writeValueAsString(content);
    }

    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    public static JsonNode read(String json) {
        return JSON.readTree(json);
    }

    /** Every scalar that differs between {@code before} and {@code after}, in the order of the later revision. */
    public static List<FieldChange> diff(String before, String after) {
        Map<String, Leaf> old = flatten(read(before));
        Map<String, Leaf> now = flatten(read(after));
        List<FieldChange> changes = new ArrayList<>();
        for (var e : now.entrySet()) {
            Leaf was = old.get(e.getKey());
            String value = e.getValue().value();
            if (was == null || !Objects.equals(was.value(), value)) {
                changes.add(new FieldChange(e.getValue().display(), was == null ? null : was.value(), value));
            }
        }
        for (var e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                changes.add(new FieldChange(e.getValue().display(), e.getValue().value(), null));
            }
        }
        return changes;
    }

    /** A scalar at a path: {@code display} is what people read (items[1].quantity), the map key matches by id. */
    private record Leaf(String display, String value) {}

    private static Map<String, Leaf> flatten(JsonNode root) {
        Map<String, Leaf> out = new LinkedHashMap<>();
        flatten(root, "", "", out);
        return out;
    }

    private static void flatten(JsonNode node, String key, String display, Map<String, Leaf> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (var e : node.properties()) {
                String sep = key.isEmpty() ? "" : ".";
                flatten(e.getValue(), key + sep + e.getKey(), display + sep + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                JsonNode id = element.isObject() ? element.get("id") : null;
                String elementKey = id != null && id.isString() ? key + "{" + id.asString() + "}" : key + "[" + i + "]";
                flatten(element, elementKey, display + "[" + i + "]", out);
            }
        } else {
            out.put(key, new Leaf(display, node.asString()));
        }
    }
}
