package fr.convergence.partnership.store;

/** A stored value with the version its next conditional update must match. */
public record Versioned<T>(T value, long version) {
}
