package fr.convergence.kit.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which participant-stream records open a territory (the reading itself is proven over Kafka by each service). */
class TerritoryDiscoveryTest {

    static final String BREST = "convergence.brest.participant.v1";

    static String event(String type, String territory, String code) {
        return """
                {"eventId":"e1","type":"%s","schemaVersion":1,"source":"participant-service","territory":"%s",
                 "occurredOn":"2026-12-07","data":{"code":"%s","name":"Brest"}}""".formatted(type, territory, code);
    }

    @Test
    void aTerritoryCreatedOnItsOwnTopicOpensTheTerritory() {
        assertThat(TerritoryDiscovery.territoryCreated(BREST, event("TerritoryCreated", "brest", "brest")))
                .contains("brest");
    }

    @Test
    void otherEventsOpenNothing() {
        assertThat(TerritoryDiscovery.territoryCreated(BREST, event("TerritoryChanged", "brest", "brest"))).isEmpty();
        assertThat(TerritoryDiscovery.territoryCreated(BREST, """
                {"type":"ParticipantRegistered","territory":"brest","participantId":"PSN-AAAAAAAAAAAA"}""")).isEmpty();
    }

    @Test
    void aTerritoryCreatedNamingAnotherTerritoryThanItsTopicOpensNothing() {
        assertThat(TerritoryDiscovery.territoryCreated(BREST, event("TerritoryCreated", "paris", "paris"))).isEmpty();
        assertThat(TerritoryDiscovery.territoryCreated(BREST, event("TerritoryCreated", "brest", "paris"))).isEmpty();
    }

    @Test
    void anUnreadableRecordOpensNothing() {
        assertThat(TerritoryDiscovery.territoryCreated(BREST, "{\"type\":\"TerritoryCreated\"")).isEmpty();
        assertThat(TerritoryDiscovery.territoryCreated(BREST, null)).isEmpty();
    }

    @Test
    void theParticipantStreamsOfEveryTerritoryAreRead() {
        assertThat(TerritoryDiscovery.PARTICIPANT_TOPICS.matcher(BREST).matches()).isTrue();
        assertThat(TerritoryDiscovery.PARTICIPANT_TOPICS.matcher("convergence.brest.pathway.v1").matches()).isFalse();
    }
}
