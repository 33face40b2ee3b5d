package org.lodestone.traceability.epcis.codec;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The GS1 Core Business Vocabulary 2.0 terms EPCIS fields take, and their three spellings: the bare JSON-LD term
 * ({@code shipping}), the EPC URN ({@code urn:epcglobal:cbv:bizstep:shipping}, what XML documents carry) and the web
 * URI ({@code https://ref.gs1.org/cbv/BizStep-shipping}). Values are kept bare when they are CBV terms, as the full
 * URI otherwise.
 */
enum Cbv {
    BIZ_STEP(
            "business step",
            "urn:epcglobal:cbv:bizstep:",
            "https://ref.gs1.org/cbv/BizStep-",
            Set.of(
                    "accepting",
                    "arriving",
                    "assembling",
                    "collecting",
                    "commissioning",
                    "consigning",
                    "creating_class_instance",
                    "cycle_counting",
                    "decommissioning",
                    "departing",
                    "destroying",
                    "disassembling",
                    "dispensing",
                    "encoding",
                    "entering_exiting",
                    "holding",
                    "inspecting",
                    "installing",
                    "killing",
                    "loading",
                    "other",
                    "packing",
                    "picking",
                    "receiving",
                    "removing",
                    "repackaging",
                    "repairing",
                    "replacing",
                    "reserving",
                    "retail_selling",
                    "sampling",
                    "sensor_reporting",
                    "shipping",
                    "staging_outbound",
                    "stock_taking",
                    "stocking",
                    "storing",
                    "transporting",
                    "unloading",
                    "unpacking",
                    "void_shipping")),
    DISPOSITION(
            "disposition",
            "urn:epcglobal:cbv:disp:",
            "https://ref.gs1.org/cbv/Disp-",
            Set.of(
                    "active",
                    "available",
                    "completeness_inferred",
                    "completeness_verified",
                    "conformant",
                    "container_closed",
                    "container_open",
                    "damaged",
                    "destroyed",
                    "dispensed",
                    "disposed",
                    "encoded",
                    "expired",
                    "in_progress",
                    "in_transit",
                    "inactive",
                    "mismatch_instance",
                    "mismatch_class",
                    "mismatch_quantity",
                    "needs_replacement",
                    "no_pedigree_match",
                    "non_conformant",
                    "non_sellable_other",
                    "partially_dispensed",
                    "recalled",
                    "reserved",
                    "retail_sold",
                    "returned",
                    "sellable_accessible",
                    "sellable_not_accessible",
                    "stolen",
                    "unavailable",
                    "unknown")),
    BIZ_TRANSACTION_TYPE(
            "business transaction type",
            "urn:epcglobal:cbv:btt:",
            "https://ref.gs1.org/cbv/BTT-",
            Set.of(
                    "bol",
                    "cert",
                    "desadv",
                    "inv",
                    "pedigree",
                    "po",
                    "poc",
                    "prodorder",
                    "recadv",
                    "rma",
                    "testprd",
                    "testres",
                    "upevt")),
    SOURCE_DESTINATION_TYPE(
            "source/destination type",
            "urn:epcglobal:cbv:sdt:",
            "https://ref.gs1.org/cbv/SDT-",
            Set.of("owning_party", "possessing_party", "location")),
    ERROR_REASON(
            "error reason",
            "urn:epcglobal:cbv:er:",
            "https://ref.gs1.org/cbv/ER-",
            Set.of("did_not_occur", "incorrect_data"));

    private final String label;
    private final String urnPrefix;
    private final String webPrefix;
    private final Set<String> terms;

    Cbv(String label, String urnPrefix, String webPrefix, Set<String> terms) {
        this.label = label;
        this.urnPrefix = urnPrefix;
        this.webPrefix = webPrefix;
        this.terms = terms;
    }

    String label() {
        return label;
    }

    /**
     * The canonical form of a value: the bare term for any spelling of a CBV term, the value itself for any other URI
     * (or CURIE), or null when the value is neither: a bare word that is not a CBV term, or a CBV URI naming a term
     * the CBV does not define.
     */
    @Nullable
    String canonical(String value) {
        if (terms.contains(value)) {
            return value;
        }
        String term = null;
        if (value.startsWith(urnPrefix)) {
            term = value.substring(urnPrefix.length());
        } else if (value.startsWith(webPrefix)) {
            term = value.substring(webPrefix.length());
        } else if (value.startsWith("cbv:")) {
            String local = value.substring(4);
            String webLocal = webPrefix.substring("https://ref.gs1.org/cbv/".length());
            if (local.startsWith(webLocal)) {
                term = local.substring(webLocal.length());
            }
        }
        if (term != null) {
            return terms.contains(term) ? term : null;
        }
        return Uris.isUri(value) ? value : null;
    }
}
