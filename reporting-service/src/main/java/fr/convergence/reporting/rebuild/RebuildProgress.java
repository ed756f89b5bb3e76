package fr.convergence.reporting.rebuild;

/**
 * Where a rebuild stands. {@code total} is the number of records between the beginning and the end offsets
 * captured when it started; records arriving later are processed too, so {@code done} may exceed it.
 */
public record RebuildProgress(int generation, String state, long done, long total, double ratePerSecond,
                              Long secondsLeft, String startedAt, String finishedAt, String error) {
}
