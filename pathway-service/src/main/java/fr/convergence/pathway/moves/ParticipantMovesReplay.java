package fr.convergence.pathway.moves;

import fr.convergence.kit.deadletter.DeadLetter;
import fr.convergence.kit.deadletter.DeadLetterReplay;

/**
 * A parked participant event (a move that could not apply, e.g. refused by a programme rule at the time) is handled
 * again by {@link ParticipantMoves}, for the territory of its topic.
 */
public class ParticipantMovesReplay implements DeadLetterReplay {

    /** The name the participant-topic consumer parks its letters under. */
    public static final String CONSUMER = "participant-moves";
    /** The reason code of a participant event that cannot apply. */
    public static final String UNUSABLE = "unusable";

    private final ParticipantMoves moves;

    public ParticipantMovesReplay(ParticipantMoves moves) {
        this.moves = moves;
    }

    @Override
    public String replay(DeadLetter letter) {
        return moves.handle(territoryOf(letter.topic()), letter.value()).name();
    }

    @Override
    public Failure describe(RuntimeException failure) {
        return new Failure(failure instanceof ParticipantMoves.Unusable ? UNUSABLE : "failed", failure.getMessage());
    }

    /** {@code convergence.<territory>.participant.v1} → territory. */
    static String territoryOf(String topic) {
        String[] parts = topic.split("\\.");
        if (parts.length != 4 || !parts[0].equals("convergence") || !parts[2].equals("participant")) {
            throw new ParticipantMoves.Unusable("not a participant topic: " + topic);
        }
        return parts[1];
    }
}
