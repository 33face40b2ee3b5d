package org.lodestone.controllist;

import java.util.Locale;

/** The physical or intangible form a listed item takes; sub-items (.a/.b/.c) differ by form. */
public enum ItemForm {
    ORE,
    METAL,
    ALLOY,
    TARGET,
    MAGNET,
    OXIDE,
    COMPOUND,
    FUNCTIONAL_MATERIAL,
    MATERIAL,
    EQUIPMENT,
    TECHNOLOGY;

    public static ItemForm parse(String raw) {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
