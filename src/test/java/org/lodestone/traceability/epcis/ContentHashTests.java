package org.lodestone.traceability.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content hash that tells a duplicate from other content under a stored eventID (#5): independent of property
 * order and of recordTime, sensitive to every value, and not fooled by values that look like the canonical form.
 */
class ContentHashTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static String hash(String json) {
        JsonNode node = JSON.readTree(json);
        return Capturing.contentHash(node);
    }

    @Test
    void propertyOrderAndRecordTimeDoNotChangeTheHash() {
        String a = hash("""
                {"type":"ObjectEvent","eventID":"urn:uuid:1","epcList":["x","y"],
                 "readPoint":{"id":"rp"},"quantity":1.5,"flag":true,"none":null}""");
        String b = hash("""
                {"none":null,"flag":true,"readPoint":{"id":"rp"},"quantity":1.5,"epcList":["x","y"],
                 "eventID":"urn:uuid:1","type":"ObjectEvent","recordTime":"2026-01-01T00:00:00Z"}""");
        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void everyValueCounts() {
        String base = hash("{\"eventID\":\"e\",\"epcList\":[\"x\",\"y\"],\"q\":1,\"r\":{\"recordTime\":\"t\"}}");
        assertThat(hash("{\"eventID\":\"e\",\"epcList\":[\"y\",\"x\"],\"q\":1,\"r\":{\"recordTime\":\"t\"}}"))
                .as("array order")
                .isNotEqualTo(base);
        assertThat(hash("{\"eventID\":\"e\",\"epcList\":[\"x\",\"y\"],\"q\":2,\"r\":{\"recordTime\":\"t\"}}"))
                .as("a number")
                .isNotEqualTo(base);
        assertThat(hash("{\"eventID\":\"e\",\"epcList\":[\"x\",\"y\"],\"q\":1,\"r\":{\"recordTime\":\"u\"}}"))
                .as("recordTime is only ignored at the top")
                .isNotEqualTo(base);
        assertThat(hash("{\"eventID\":\"e\",\"epcList\":[\"x\",\"y\"],\"q\":\"1\",\"r\":{\"recordTime\":\"t\"}}"))
                .as("a string is not a number")
                .isNotEqualTo(base);
    }

    @Test
    void valuesThatLookLikeTheCanonicalFormDoNotCollide() {
        assertThat(hash("{\"a\":\"b\",\"c\":\"d\"}")).isNotEqualTo(hash("{\"a\":\"bk1:cs1:d\"}"));
        assertThat(hash("{\"a\":[\"b\",\"c\"]}")).isNotEqualTo(hash("{\"a\":[\"bs1:c\"]}"));
    }
}
