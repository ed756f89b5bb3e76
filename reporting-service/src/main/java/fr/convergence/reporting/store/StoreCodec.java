package fr.convergence.reporting.store;

import org.bson.Document;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Maps fold states and contributions to BSON documents and back through Jackson, so that the stored documents
 * mirror the records field by field without hand-written mapping code to keep in step.
 */
public final class StoreCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoreCodec() {
    }

    @SuppressWarnings("unchecked")
    public static Document toDocument(Object value) {
        return new Document(MAPPER.convertValue(value, Map.class));
    }

    public static <T> T fromDocument(Map<String, Object> document, Class<T> type) {
        return MAPPER.convertValue(document, type);
    }

    /** Field names inside a document cannot hold '.' or start with '$'. */
    public static String fieldSafe(String key) {
        return key.replace('.', '_').replace('$', '_');
    }
}
