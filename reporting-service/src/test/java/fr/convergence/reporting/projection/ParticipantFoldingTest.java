package fr.convergence.reporting.projection;

import fr.convergence.reporting.ingest.EventParser;
import fr.convergence.reporting.support.ParticipantStream;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The participant stream folded into reference data, from contract-shaped records through the service's parser. */
class ParticipantFoldingTest {

    private static final String TOPIC = "convergence.paris.participant.v1";

    private static ParticipantEvent event(ParticipantStream stream) {
        return EventParser.participant(TOPIC, stream.last());
    }

    @Test
    void aTerritoryIsNamedThenRenamedAndARedeliveryIsADuplicate() {
        ParticipantStream s = new ParticipantStream("paris").territoryCreated("Paris");
        ParticipantEvent created = event(s);
        ReferenceData.Territory paris = ParticipantFolding.territory(null, created);
        assertThat(paris).isEqualTo(new ReferenceData.Territory("paris", "Paris", created.eventId()));

        assertThat(ParticipantFolding.territory(paris, created)).isSameAs(paris);
        ParticipantEvent renamed = event(s.territoryChanged("Paris (75)"));
        assertThat(ParticipantFolding.territory(paris, renamed).name()).isEqualTo("Paris (75)");
    }

    @Test
    void anAciKeepsItsNameAndProgrammeDatesAndAChangeReplacesThem() {
        ParticipantStream s = new ParticipantStream("paris").aci(false, "aci-paris-1", "Emmaüs Défi", null, null);
        ReferenceData.Aci aci = ParticipantFolding.aci(null, event(s));
        assertThat(aci.name()).isEqualTo("Emmaüs Défi");
        assertThat(aci.territory()).isEqualTo("paris");
        assertThat(aci.programmes()).containsExactly("CVG", "PHC");
        assertThat(aci.joinedOn()).isNull();

        ReferenceData.Aci left = ParticipantFolding.aci(aci, event(s.aci(true, "aci-paris-1", "Emmaüs Défi Riquet",
                "2019-01-01", "2026-06-30")));
        assertThat(left.name()).isEqualTo("Emmaüs Défi Riquet");
        assertThat(left.joinedOn()).isEqualTo("2019-01-01");
        assertThat(left.leftOn()).isEqualTo("2026-06-30");
    }

    @Test
    void aParticipantKeepsTheirAgeBandUntilErasedAndNothingComesBackAfter() {
        ParticipantStream s = new ParticipantStream("paris").registered("PSN-AAAAAAAAAAAA", "aci-paris-1", "26-34");
        ParticipantEvent registered = event(s);
        ReferenceData.Participant p = ParticipantFolding.participant(null, registered);
        assertThat(p.ageBand()).isEqualTo("26-34");
        assertThat(p.aciId()).isEqualTo("aci-paris-1");

        ReferenceData.Participant moved = ParticipantFolding.participant(p, event(s.add("ParticipantMoved",
                "PSN-AAAAAAAAAAAA", "aci-paris-2", "PSN-AAAAAAAAAAAA", Map.of("participantId", "PSN-AAAAAAAAAAAA",
                        "fromAciId", "aci-paris-1", "toAciId", "aci-paris-2", "referentId", "cip-2"))));
        assertThat(moved.aciId()).isEqualTo("aci-paris-2");
        assertThat(moved.ageBand()).isEqualTo("26-34");

        ReferenceData.Participant erased = ParticipantFolding.participant(moved, event(s.erased("PSN-AAAAAAAAAAAA",
                "aci-paris-2")));
        assertThat(erased.erased()).isTrue();
        assertThat(erased.ageBand()).isNull();
        assertThat(erased.aciId()).isNull();
        // a registration redelivered after the erasure (a replay from an earlier commit) brings nothing back
        assertThat(ParticipantFolding.participant(erased, registered)).isSameAs(erased);
    }

    @Test
    void unknownTypesAndFieldsAreToleratedOnlyABrokenEnvelopeIsRefused() {
        ParticipantStream s = new ParticipantStream("paris")
                .add("ParticipantContactRectified", "PSN-AAAAAAAAAAAA", "aci-paris-1", "PSN-AAAAAAAAAAAA",
                        Map.of("participantId", "PSN-AAAAAAAAAAAA", "fields", List.of("phone")));
        assertThat(ParticipantFolding.subject(event(s))).isEqualTo(ParticipantFolding.Subject.OTHER);
        s.add("AciMerged", "paris", "aci-paris-1", null, Map.of("into", "aci-paris-2"));
        assertThat(ParticipantFolding.subject(event(s))).isEqualTo(ParticipantFolding.Subject.OTHER);
        s.add("TerritoryChanged", "paris", null, null, Map.of("code", "paris", "name", "Paris", "region", "IDF"));
        assertThat(ParticipantFolding.territory(null, event(s)).name()).isEqualTo("Paris");

        assertThatThrownBy(() -> EventParser.participant(TOPIC, "{\"type\":\"TerritoryCreated\"}"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("eventId");
        assertThatThrownBy(() -> EventParser.participant(TOPIC, "not json")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventParser.participant("convergence.lyon.participant.v1", s.last()))
                .isInstanceOf(TerritoryMismatchException.class);
        // a registration that does not say whom it is about cannot be applied
        s.add("ParticipantRegistered", "x", "aci-paris-1", null, Map.of("ageBand", "55+"));
        assertThatThrownBy(() -> ParticipantFolding.participant(null, event(s)))
                .isInstanceOf(InvalidEventException.class);
    }
}
