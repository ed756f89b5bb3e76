package fr.convergence.participant.crypto;

import fr.convergence.participant.domain.PersonalData;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/**
 * Seals a participant's personal data into one base64 blob under that participant's own key, with the
 * participant id as associated data. One blob rather than one per field: nothing is searchable in it anyway
 * (search goes through the {@link BlindIndex}), and the document reveals not even which fields are filled.
 */
public class PersonalDataCipher {

    private final JsonMapper json = JsonMapper.builder().build();

    public String seal(PersonalData data, String participantId, byte[] key) {
        ObjectNode node = json.createObjectNode()
                .put("firstName", data.firstName())
                .put("lastName", data.lastName())
                .put("birthDate", data.birthDate().toString())
                .put("phone", data.phone())
                .put("email", data.email())
                .put("address", data.address());
        byte[] plaintext = json.writeValueAsBytes(node);
        return Base64.getEncoder().encodeToString(Aead.encrypt(key, plaintext, aad(participantId)));
    }

    public PersonalData open(String sealed, String participantId, byte[] key) {
        byte[] plaintext = Aead.decrypt(key, Base64.getDecoder().decode(sealed), aad(participantId));
        JsonNode node = json.readTree(new String(plaintext, StandardCharsets.UTF_8));
        return new PersonalData(text(node, "firstName"), text(node, "lastName"),
                LocalDate.parse(text(node, "birthDate")), text(node, "phone"), text(node, "email"),
                text(node, "address"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static byte[] aad(String participantId) {
        return ("participant:" + participantId).getBytes(StandardCharsets.UTF_8);
    }
}
