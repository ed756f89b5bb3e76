package fr.convergence.pathway.domain.event;

import fr.convergence.pathway.domain.*;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/** One act of accompaniment: an interview, an accompanied visit or a case conference, with who took part (roles). */
@Revision("1")
public record AccompanimentRecorded(String pathwayId, LocalDate occurredOn, AccompanimentKind kind,
                                    SessionLength length, List<SupportRole> participants) implements PathwayEvent {

    public AccompanimentRecorded {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }
}
