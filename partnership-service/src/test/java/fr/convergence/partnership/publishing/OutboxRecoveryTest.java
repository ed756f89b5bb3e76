package fr.convergence.partnership.publishing;

import com.mongodb.client.MongoDatabase;
import fr.convergence.partnership.IntegrationTestBase;
import fr.convergence.partnership.KafkaTopics;
import fr.convergence.partnership.domain.Partner;
import fr.convergence.partnership.domain.PartnerDomain;
import fr.convergence.partnership.domain.Referral;
import fr.convergence.partnership.store.PartnerStore;
import fr.convergence.partnership.store.ReferralStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a crash right after a write leaves (state + pending outbox, nothing published, no index) is recovered. */
class OutboxRecoveryTest extends IntegrationTestBase {

    @Autowired
    MongoDatabase database;
    @Autowired
    ReferralStore referrals;
    @Autowired
    PartnerStore partners;
    @Autowired
    PartnershipContract contract;
    @Autowired
    PartnershipOutbox outbox;

    @Test
    void aWriteLeftUnpublishedByACrashIsPublishedAndIndexedByTheStartUpRecovery() {
        String partnerId = partnerWithAgreement("Emmaüs Connect", "DIGITAL");
        Partner partner = partners.load(partnerId).orElseThrow().value();
        Referral referral = Referral.propose(UUID.randomUUID().toString(), "lyon", participant, partner,
                PartnerDomain.DIGITAL, TODAY, "cdp-lyon-test", TODAY);
        // the write only: as if the process died before the index update and the drain
        referrals.insert(referral, List.of(contract.referralEvent(referral, "cdp-lyon-test", "corr-1")));
        assertThat(referrals.ofPartner(partnerId)).isEmpty();

        assertThat(outbox.recoverPending()).isGreaterThanOrEqualTo(1);

        eventually().until(() -> KafkaTopics.readAll(LYON_PARTNERSHIP).stream()
                .anyMatch(r -> participant.equals(r.key()) && r.value().contains(referral.id())));
        eventually().until(() -> !Boolean.TRUE.equals(stored(referral.id()).getBoolean("pending")));
        assertThat(stored(referral.id()).getList("outbox", Document.class)).isEmpty();
        assertThat(referrals.ofPartner(partnerId)).singleElement()
                .satisfies(s -> assertThat(s.getString("referralId")).isEqualTo(referral.id()));
        assertThat(officer.get("/api/partnerships/participants/" + participant + "/referrals").body().size()).isEqualTo(1);
    }

    @Test
    void eventsAddedWhileDrainingStayInTheOutbox() {
        String id = UUID.randomUUID().toString();
        var collection = referrals.outboxCollection();
        collection.collection().insertOne(new Document("_id", id).append("version", 2L).append("pending", true)
                .append("outbox", List.of(new Document("eventId", "e1"), new Document("eventId", "e2"))));

        // the drain published e1 at version 1; e2 arrived meanwhile (version 2)
        assertThat(collection.markPublished(id, 1L, List.of("e1"))).isFalse();
        assertThat(collection.load(id).getList("outbox", Document.class)).extracting(d -> d.getString("eventId"))
                .containsExactly("e2");
        assertThat(collection.load(id).getBoolean("pending")).isTrue();

        assertThat(collection.markPublished(id, 2L, List.of("e2"))).isTrue();
        assertThat(collection.load(id).getList("outbox", Document.class)).isEmpty();
        assertThat(collection.load(id).getBoolean("pending")).isFalse();
    }

    private Document stored(String id) {
        return database.getCollection("referrals").find(new Document("_id", id)).first();
    }
}
