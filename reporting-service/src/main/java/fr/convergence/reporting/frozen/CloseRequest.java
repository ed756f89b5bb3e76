package fr.convergence.reporting.frozen;

/**
 * Closing a period for a scope. No territory: national; a territory: that territory; a territory and an ACI: the
 * ACI. {@code newVersion} must be true to issue a version after the first, so that nobody replaces what a steering
 * committee saw by mistake; {@code reason} is then required ({@link RevisionReason}), {@code note} optional.
 */
public record CloseRequest(String territory, String aciId, String period, Boolean newVersion, String reason,
                           String note) {
}
