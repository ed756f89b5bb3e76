package fr.convergence.partnership.application;

import fr.convergence.partnership.domain.Need;
import fr.convergence.partnership.domain.PartnerDomain;
import fr.convergence.partnership.store.ParticipantStore;
import org.bson.Document;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The needs the pathway events left with the partnership (barriers handled by partners): a partner domain's queue of
 * open needs in a territory, and one participant's needs. Reads only; the consumer writes them.
 */
public class ParticipantNeeds {

    private final ParticipantStore participants;

    public ParticipantNeeds(ParticipantStore participants) {
        this.participants = participants;
    }

    /** The queue entries of the territory's open needs of one partner domain, in no particular order. */
    public List<Document> openNeeds(String territory, PartnerDomain domain) {
        return participants.openNeeds(territory, domain);
    }

    /**
     * One participant's needs, open and closed, by barrier domain, with the participant's version and exit date; a
     * participant not heard of yet has version 0 and no needs.
     */
    public Map<String, Object> of(String territory, String participantId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("participantId", participantId);
        participants.find(territory, participantId).ifPresentOrElse(p -> {
            view.put("version", p.version());
            view.put("exitedOn", p.exitedOn());
            view.put("needs", p.needs().values().stream().sorted(Comparator.comparing(Need::barrierDomain)).toList());
        }, () -> {
            view.put("version", 0);
            view.put("exitedOn", null);
            view.put("needs", List.of());
        });
        return view;
    }
}
