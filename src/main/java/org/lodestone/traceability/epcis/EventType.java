package org.lodestone.traceability.epcis;

/** The five EPCIS 2.0 event types, with their names as they appear in documents. */
public enum EventType {
    OBJECT("ObjectEvent"),
    AGGREGATION("AggregationEvent"),
    TRANSACTION("TransactionEvent"),
    TRANSFORMATION("TransformationEvent"),
    ASSOCIATION("AssociationEvent");

    private final String documentName;

    EventType(String documentName) {
        this.documentName = documentName;
    }

    public String documentName() {
        return documentName;
    }

    /** The type named in a document ({@code ObjectEvent}, …), or null when the name is not an EPCIS 2.0 event type. */
    public static @org.jspecify.annotations.Nullable EventType ofDocumentName(String name) {
        for (EventType t : values()) {
            if (t.documentName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
