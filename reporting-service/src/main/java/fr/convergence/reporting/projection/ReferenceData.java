package fr.convergence.reporting.projection;

import java.util.List;

/**
 * The reference data reporting folds from the participant stream, one stored document each. Every record keeps the
 * id of the last event applied to it: a redelivered event is seen as a duplicate, and since each event replaces the
 * state rather than adding to it, a replay from any earlier commit lands on the same documents.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** A territory and its name (TerritoryCreated, TerritoryChanged). */
    public record Territory(String code, String name, String lastEventId) {
    }

    /**
     * An ACI (AciCreated, AciChanged).
     *
     * @param joinedOn the day it joined the programme (null: before the platform)
     * @param leftOn   the day it left it (null: still in)
     */
    public record Aci(String aciId, String territory, String name, List<String> programmes,
                      boolean localCoordination, String joinedOn, String leftOn, String lastEventId) {

        public Aci {
            programmes = programmes == null ? List.of() : List.copyOf(programmes);
        }
    }

    /**
     * What reporting keeps of a participant: the age band (never a birth date) and where they are. Erased: the band
     * and ACI are dropped and only the tombstone stays, so that a redelivered registration cannot bring them back.
     */
    public record Participant(String participantId, String territory, String aciId, String ageBand, boolean erased,
                              String lastEventId) {
    }
}
