package org.lodestone.controllist;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises item forms in a free-text description by keywords ("NdFeB magnet" → magnet, "Dy2O3 oxide" → oxide), so
 * an element match can be narrowed to the right sub-item. Deliberately small and explainable: the explanation names
 * the forms found.
 */
final class ItemForms {

    private static final Map<ItemForm, Pattern> PATTERNS = Map.ofEntries(
            Map.entry(ItemForm.ORE, word("ores?|concentrates?|raw materials?")),
            Map.entry(ItemForm.METAL, word("metals?|metallic|ingots?|elemental")),
            Map.entry(ItemForm.ALLOY, word("alloys?|interalloyed")),
            Map.entry(ItemForm.TARGET, word("targets?|sputtering")),
            Map.entry(
                    ItemForm.MAGNET,
                    word(
                            "magnets?|magnetic materials?|ndfeb|nd-fe-b|neodymium[- ]iron[- ]boron|smco|sm-co|samarium[- ]cobalt|permanent[- ]magnet\\w*")),
            Map.entry(ItemForm.OXIDE, word("\\w*oxides?|\\w*o3|\\w*o2")),
            Map.entry(
                    ItemForm.COMPOUND,
                    word(
                            "compounds?|chlorides?|fluorides?|carbonates?|nitrates?|oxalates?|acetates?|sulphates?|sulfates?|salts?|nitrides?|arsenides?|phosphides?|antimonides?|selenides?|hydrides?|tetrachloride")),
            Map.entry(
                    ItemForm.FUNCTIONAL_MATERIAL,
                    word(
                            "crystals?|phosphors?|luminescent|optical[- ]fib(?:re|er)s?|hydrogen[- ]storage|ceramics?|magnetostrictive|magnetocaloric|magnetic[- ]refrigeration")),
            Map.entry(ItemForm.MATERIAL, word("graphite|diamonds?|superhard|materials?|powders?")),
            Map.entry(
                    ItemForm.EQUIPMENT,
                    word("equipment|furnaces?|kilns?|machines?|machinery|mills?|extraction tanks?")),
            Map.entry(
                    ItemForm.TECHNOLOGY,
                    word(
                            "technolog(?:y|ies)|know-how|process specifications?|drawings?|software|programs?|assembly|commissioning")));

    private ItemForms() {}

    private static Pattern word(String alternatives) {
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);
    }

    static Set<ItemForm> detect(String description) {
        String text = description.toLowerCase(Locale.ROOT);
        var found = EnumSet.noneOf(ItemForm.class);
        PATTERNS.forEach((form, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.add(form);
            }
        });
        // "magnetic materials" is a magnet, not a generic material; "graphite powder" keeps MATERIAL.
        return found;
    }
}
