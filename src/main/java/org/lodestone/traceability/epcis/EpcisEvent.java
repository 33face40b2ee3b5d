package org.lodestone.traceability.epcis;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One EPCIS 2.0 event as Lodestone keeps it: the fields the repository indexes and the projections read, plus the
 * whole event in its JSON-LD form ({@link #json()}), which keeps everything else the standard allows (ILMD, sensor
 * data, certification info, error declaration, persistent disposition, extensions) and is what queries answer.
 *
 * <p>Vocabulary values are kept in their canonical JSON-LD form: CBV terms bare ({@code shipping},
 * {@code in_transit}, {@code owning_party}, {@code po}), anything else as the full URI. Identifiers (EPCs, classes,
 * locations, parties) are kept exactly as captured. An XML capture is converted to the same JSON-LD form, so an event
 * reads back identically whichever syntax captured it.
 *
 * @param eventId the {@code eventID} URI; the reader assigns a content hash ({@code ni:///sha-256;…}) when absent
 * @param eventTimeZoneOffset as captured, e.g. {@code +01:00}
 * @param epcList {@code epcList} (Object, Transaction) or {@code childEPCs} (Aggregation, Association)
 * @param quantityList {@code quantityList} or {@code childQuantityList}
 * @param parentId {@code parentID} (Aggregation, Transaction, Association)
 * @param json the complete event as a JSON-LD object (without the document's {@code @context}); read-only by
 *     convention: never modify it after the reader has built it
 */
public record EpcisEvent(
        EventType type,
        String eventId,
        Instant eventTime,
        String eventTimeZoneOffset,
        @Nullable Action action,
        @Nullable String bizStep,
        @Nullable String disposition,
        @Nullable String readPoint,
        @Nullable String bizLocation,
        @Nullable String parentId,
        List<String> epcList,
        List<QuantityElement> quantityList,
        List<String> inputEpcList,
        List<QuantityElement> inputQuantityList,
        List<String> outputEpcList,
        List<QuantityElement> outputQuantityList,
        List<BizTransaction> bizTransactionList,
        List<SourceDestination> sourceList,
        List<SourceDestination> destinationList,
        ObjectNode json) {

    public EpcisEvent {
        epcList = List.copyOf(epcList);
        quantityList = List.copyOf(quantityList);
        inputEpcList = List.copyOf(inputEpcList);
        inputQuantityList = List.copyOf(inputQuantityList);
        outputEpcList = List.copyOf(outputEpcList);
        outputQuantityList = List.copyOf(outputQuantityList);
        bizTransactionList = List.copyOf(bizTransactionList);
        sourceList = List.copyOf(sourceList);
        destinationList = List.copyOf(destinationList);
    }

    /**
     * The licence number (with its optional {@code #<line>}) this event names as a business transaction of type
     * {@link BizTransaction#LICENCE_TYPE}, without the {@link BizTransaction#LICENCE_URI_PREFIX}.
     */
    public @Nullable String licenceNumber() {
        for (BizTransaction t : bizTransactionList) {
            if (BizTransaction.LICENCE_TYPE.equals(t.type())) {
                String v = t.value();
                return v.startsWith(BizTransaction.LICENCE_URI_PREFIX)
                        ? v.substring(BizTransaction.LICENCE_URI_PREFIX.length())
                        : v;
            }
        }
        return null;
    }
}
