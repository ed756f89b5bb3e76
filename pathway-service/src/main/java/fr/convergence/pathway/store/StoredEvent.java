package fr.convergence.pathway.store;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * One event as stored: the deserialized (upcast) message, and the tamper-evidence links kept beside it.
 *
 * @param previousHash SHA-256 of the previous event of the same stream ({@link HashChain#GENESIS} for the first)
 * @param hash         SHA-256 over this event's stored content and {@code previousHash}
 */
public record StoredEvent(DomainEventMessage<?> message, String previousHash, String hash) {
}
