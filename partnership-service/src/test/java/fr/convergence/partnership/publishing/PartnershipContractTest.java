package fr.convergence.partnership.publishing;

import fr.convergence.contracts.ContractSchemas;
import fr.convergence.kit.kafka.OutgoingRecord;
import fr.convergence.partnership.domain.Partner;
import fr.convergence.partnership.domain.PartnerDomain;
import fr.convergence.partnership.domain.Referral;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Producer-side contract test: every event type this service publishes validates against partnership-event v1. */
class PartnershipContractTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    final PartnershipContract contract = new PartnershipContract(Clock.system(ZoneId.of("Europe/Paris")));

    @Test
    void everyPublishedTypeValidatesAgainstTheSchema() {
        Partner registered = Partner.register("p1", "lyon", "Habitat", Set.of(PartnerDomain.HOUSING), List.of());
        Partner signed = registered.signAgreement("a1", TODAY.minusYears(1), TODAY.plusYears(1), Set.of(PartnerDomain.HOUSING));
        Partner ended = signed.endAgreement("a1", TODAY, TODAY);
        Referral proposed = Referral.propose("r1", "lyon", "PSN-1", signed, PartnerDomain.HOUSING, TODAY.minusDays(5), "cdp", TODAY);
        Referral accepted = proposed.accept(TODAY.minusDays(4), "cdp", TODAY);
        List<OutgoingRecord> all = List.of(
                contract.partnerEvent("PartnerRegistered", registered, TODAY, "cdp", "c1"),
                contract.partnerEvent("PartnerChanged", registered, TODAY, "cdp", "c1"),
                contract.agreementEvent("AgreementSigned", signed, signed.agreement("a1").orElseThrow(), TODAY, "cdp", "c1"),
                contract.agreementEvent("AgreementEnded", ended, ended.agreement("a1").orElseThrow(), TODAY, "cdp", "c1"),
                contract.referralEvent(proposed, "cdp", "c1"),
                contract.referralEvent(accepted, "cdp", "c1"),
                contract.referralEvent(proposed.decline(TODAY, "cdp", "FULL", TODAY), "cdp", "c1"),
                contract.referralEvent(accepted.complete(TODAY, "cdp", "HOUSED", Set.of("HOUSED"), TODAY), "cdp", "c1"),
                contract.referralEvent(accepted.cancel(TODAY, "partnership-service", "PARTICIPANT_EXITED", TODAY), "cdp", "c1"));

        for (OutgoingRecord r : all) {
            assertThat(ContractSchemas.violations("partnership-event", 1, r.json())).as(r.json()).isEmpty();
            assertThat(r.topic()).isEqualTo("convergence.lyon.partnership.v1");
        }
        assertThat(all.stream().map(r -> r.json().replaceAll(".*\"type\":\"(\\w+)\".*", "$1")).distinct()).hasSize(9);
    }

    @Test
    void referralEventsAreKeyedByParticipantAndPartnerEventsByPartner() {
        Partner p = Partner.register("p1", "lyon", "Habitat", Set.of(PartnerDomain.HOUSING), List.of())
                .signAgreement("a1", TODAY.minusYears(1), null, Set.of(PartnerDomain.HOUSING));
        Referral r = Referral.propose("r1", "lyon", "PSN-1", p, PartnerDomain.HOUSING, TODAY, "cdp", TODAY);
        assertThat(contract.referralEvent(r, "cdp", "c").key()).isEqualTo("PSN-1");
        assertThat(contract.partnerEvent("PartnerRegistered", p, TODAY, "cdp", "c").key()).isEqualTo("p1");
    }

    @Test
    void aCompletedReferralWithoutOutcomeWouldBreakTheContract() {
        String broken = """
                {"eventId":"e","type":"ReferralCompleted","schemaVersion":1,"source":"partnership-service","territory":"lyon",\
                "participantId":"PSN-1","occurredOn":"2026-06-15","recordedAt":"2026-06-15T10:00:00Z","recordedBy":"cdp",\
                "correlationId":"c","data":{"referralId":"r","partnerId":"p","domain":"HOUSING","status":"COMPLETED","proposedOn":"2026-06-01"}}""";
        assertThat(ContractSchemas.violations("partnership-event", 1, broken)).isNotEmpty();
    }

    @Test
    void thePublishedExamplesValidate() throws IOException {
        for (String type : List.of("ReferralCompleted", "ReferralDeclined")) {
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream("contracts/examples/partnership-event.v1." + type + ".json")) {
                assertThat(in).as(type).isNotNull();
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(ContractSchemas.violations("partnership-event", 1, json)).as(type).isEmpty();
            }
        }
    }

    /** Revision 2 (issue 21 finding 8): a reason on Kafka is a code; text there could never be erased. */
    @Test
    void everyEventIsRevisionTwoAndItsReasonACode() {
        Partner p = Partner.register("p1", "lyon", "Habitat", Set.of(PartnerDomain.HOUSING), List.of())
                .signAgreement("a1", TODAY.minusYears(1), null, Set.of(PartnerDomain.HOUSING));
        Referral proposed = Referral.propose("r1", "lyon", "PSN-1", p, PartnerDomain.HOUSING, TODAY, "cdp", TODAY);
        String declined = contract.referralEvent(proposed.decline(TODAY, "cdp", "PERSON_DECLINED", TODAY), "cdp", "c").json();
        assertThat(declined).contains("\"revision\":2").contains("\"reason\":\"PERSON_DECLINED\"");
        assertThat(contract.partnerEvent("PartnerRegistered", p, TODAY, "cdp", "c").json()).contains("\"revision\":2");
    }

    /** A referral stored before the codes (free text in its reason) never publishes that text. */
    @Test
    void aLegacyFreeTextReasonIsNeverPublished() {
        Partner p = Partner.register("p1", "lyon", "Habitat", Set.of(PartnerDomain.HOUSING), List.of())
                .signAgreement("a1", TODAY.minusYears(1), null, Set.of(PartnerDomain.HOUSING));
        Referral legacy = Referral.propose("r1", "lyon", "PSN-1", p, PartnerDomain.HOUSING, TODAY, "cdp", TODAY)
                .cancel(TODAY, "cdp", "Madame hospitalisée en psychiatrie", TODAY);
        String json = contract.referralEvent(legacy, "cdp", "c").json();
        assertThat(json).doesNotContain("psychiatrie").doesNotContain("\"reason\"");
        assertThat(ContractSchemas.violations("partnership-event", 1, json)).isEmpty();
    }

    /** The schema refuses text in a revision 2 event, and keeps accepting it in a revision 1 event (old readers' input). */
    @Test
    void theSchemaRefusesTextFromRevisionTwoAndStillAcceptsOldEvents() {
        String event = """
                {"eventId":"e","type":"ReferralDeclined","schemaVersion":1,%s"source":"partnership-service","territory":"lyon",\
                "participantId":"PSN-1","occurredOn":"2026-06-15","recordedAt":"2026-06-15T10:00:00Z","recordedBy":"cdp",\
                "correlationId":"c","data":{"referralId":"r","partnerId":"p","domain":"HOUSING","status":"DECLINED",\
                "proposedOn":"2026-06-01","reason":"%s"}}""";
        assertThat(ContractSchemas.violations("partnership-event", 1, event.formatted("", "Plus de place, rappeler M. Durand")))
                .as("revision 1: any text, as published before").isEmpty();
        assertThat(ContractSchemas.violations("partnership-event", 1, event.formatted("\"revision\":2,", "FULL"))).isEmpty();
        assertThat(ContractSchemas.violations("partnership-event", 1,
                event.formatted("\"revision\":2,", "Plus de place, rappeler M. Durand"))).isNotEmpty();
    }
}
