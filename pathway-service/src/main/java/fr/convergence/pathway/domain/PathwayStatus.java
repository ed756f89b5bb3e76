package fr.convergence.pathway.domain;

/** ACTIVE until the exit; then EXITED, FOLLOW_UP while post-exit support runs, CLOSED once it ended. */
public enum PathwayStatus {
    ACTIVE, EXITED, FOLLOW_UP, CLOSED;

    public boolean open() {
        return this == ACTIVE;
    }
}
