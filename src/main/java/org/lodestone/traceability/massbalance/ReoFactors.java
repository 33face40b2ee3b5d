package org.lodestone.traceability.massbalance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rare-earth oxide (REO) equivalents: kg of the usual oxide per kg of the element, computed from IUPAC standard atomic
 * weights and the oxide's formula (RE2O3 for most; CeO2, Pr6O11, Tb4O7), e.g. Dy → Dy2O3 × 1.1477. Quotas are set in
 * tonnes REO, so production is converted with these factors. Guarded by {@code ReoFactorsUnitTests}.
 */
public final class ReoFactors {

    /** An element's oxide: {@code metalAtoms} atoms of the element and {@code oxygenAtoms} of oxygen per formula. */
    public record Oxide(String element, String formula, int metalAtoms, int oxygenAtoms, BigDecimal factor) {}

    static final BigDecimal OXYGEN = new BigDecimal("15.999");

    private static final Map<String, Oxide> OXIDES = new LinkedHashMap<>();

    static {
        add("Sc", "44.956", "Sc2O3", 2, 3);
        add("Y", "88.906", "Y2O3", 2, 3);
        add("La", "138.905", "La2O3", 2, 3);
        add("Ce", "140.116", "CeO2", 1, 2);
        add("Pr", "140.908", "Pr6O11", 6, 11);
        add("Nd", "144.242", "Nd2O3", 2, 3);
        add("Sm", "150.36", "Sm2O3", 2, 3);
        add("Eu", "151.964", "Eu2O3", 2, 3);
        add("Gd", "157.25", "Gd2O3", 2, 3);
        add("Tb", "158.925", "Tb4O7", 4, 7);
        add("Dy", "162.500", "Dy2O3", 2, 3);
        add("Ho", "164.930", "Ho2O3", 2, 3);
        add("Er", "167.259", "Er2O3", 2, 3);
        add("Tm", "168.934", "Tm2O3", 2, 3);
        add("Yb", "173.045", "Yb2O3", 2, 3);
        add("Lu", "174.967", "Lu2O3", 2, 3);
    }

    private ReoFactors() {}

    private static void add(String element, String atomicWeight, String formula, int metal, int oxygen) {
        BigDecimal m = new BigDecimal(atomicWeight).multiply(BigDecimal.valueOf(metal));
        BigDecimal oxide = m.add(OXYGEN.multiply(BigDecimal.valueOf(oxygen)));
        BigDecimal factor = oxide.divide(m, new MathContext(12, RoundingMode.HALF_EVEN));
        OXIDES.put(element, new Oxide(element, formula, metal, oxygen, factor));
    }

    /** The oxide of a rare-earth element (Sc, Y and the lanthanides but promethium), empty for any other element. */
    public static Optional<Oxide> of(String element) {
        return Optional.ofNullable(OXIDES.get(element));
    }

    /** All rare-earth oxides this table knows, in atomic-number order. */
    public static Map<String, Oxide> all() {
        return Map.copyOf(OXIDES);
    }

    /** kg REO equivalent of {@code kg} of the element; zero for an element that is no rare earth. */
    public static BigDecimal reoKg(String element, BigDecimal kg) {
        return of(element).map(o -> kg.multiply(o.factor())).orElse(BigDecimal.ZERO);
    }
}
