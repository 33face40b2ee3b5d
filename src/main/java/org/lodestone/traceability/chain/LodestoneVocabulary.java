package org.lodestone.traceability.chain;

/**
 * Lodestone's EPCIS extension vocabulary: the ILMD keys by which a commissioning ObjectEvent or a TransformationEvent
 * says what the lots it creates are. A document declares {@code "lodestone": "urn:lodestone:epcis:"} in its
 * {@code @context} and writes, in the event's {@code ilmd}:
 *
 * <pre>{@code
 * "ilmd": {"lodestone:productType": "SEPARATED_OXIDE",
 *          "lodestone:elementContent": {"lodestone:Dy": "0.871", "lodestone:Tb": "0.002"}}
 * }</pre>
 *
 * {@code productType} is a {@link ProductType} name; {@code elementContent} maps element symbols, namespaced like every
 * key inside an extension (EPCIS validation refuses bare ones), to mass fractions (kg of the element per kg of the lot)
 * as decimal strings or numbers. The keys are read in their prefixed form and in
 * their expanded form (namespace + key). The generator and the documentation use these constants.
 */
public final class LodestoneVocabulary {

    /** The namespace IRI the {@value #PREFIX} prefix stands for. */
    public static final String NAMESPACE = "urn:lodestone:epcis:";

    public static final String PREFIX = "lodestone";

    /** Local name of the product type key. */
    public static final String PRODUCT_TYPE = "productType";

    /** Local name of the element content key. */
    public static final String ELEMENT_CONTENT = "elementContent";

    /** {@code lodestone:productType}, as it appears in a document using the prefix. */
    public static final String PRODUCT_TYPE_KEY = PREFIX + ":" + PRODUCT_TYPE;

    /** {@code lodestone:elementContent}, as it appears in a document using the prefix. */
    public static final String ELEMENT_CONTENT_KEY = PREFIX + ":" + ELEMENT_CONTENT;

    private LodestoneVocabulary() {}
}
