package fr.convergence.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Loads the versioned JSON schemas of the integration events. Producers use it in their contract tests
 * ("every message we publish validates against the schema we promised").
 */
public final class ContractSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractSchemas() {
    }

    /** e.g. {@code schema("pathway-event", 1)} loads {@code contracts/pathway-event.v1.schema.json}. */
    public static JsonSchema schema(String name, int version) {
        String path = "contracts/" + name + ".v" + version + ".schema.json";
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract schema " + path);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation errors of one JSON message against a contract; empty when it conforms. */
    public static List<String> violations(String name, int version, String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Set<ValidationMessage> messages = schema(name, version).validate(node);
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }
}
