package fr.convergence.pathway.store;

import fr.convergence.pathway.domain.PathwayStatus;
import fr.convergence.pathway.domain.event.*;
import org.bson.Document;

import java.util.List;

/** Keeps a pathway stream's listing fields (participant, territory, ACI, programme, status) in step with its events. */
public class PathwayIndexer implements StreamIndexer {

    @Override
    public Document fieldsFor(List<?> payloads) {
        Document set = new Document();
        for (Object payload : payloads) {
            if (payload instanceof ParticipantHired e) {
                set.append(StreamDocuments.PARTICIPANT, e.participantId())
                        .append(StreamDocuments.TERRITORY, e.territory())
                        .append(StreamDocuments.ACI, e.aciId())
                        .append("programme", e.programme().name())
                        .append("status", PathwayStatus.ACTIVE.name())
                        .append("startedOn", e.occurredOn().toString());
            } else if (payload instanceof ProgrammeTransitioned e) {
                set.append("programme", e.to().name());
            } else if (payload instanceof ParticipantExited) {
                set.append("status", PathwayStatus.EXITED.name());
            } else if (payload instanceof FollowUpStarted) {
                set.append("status", PathwayStatus.FOLLOW_UP.name());
            } else if (payload instanceof FollowUpEnded) {
                set.append("status", PathwayStatus.CLOSED.name());
            }
        }
        return set;
    }
}
