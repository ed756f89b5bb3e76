package fr.convergence.pathway.store;

import org.bson.Document;

import java.util.List;

/**
 * Derives the stream document's index fields (set in the same atomic update as the events) from the payloads
 * being appended, so that listing streams by ACI or territory needs no separate, possibly stale, read model.
 */
@FunctionalInterface
public interface StreamIndexer {

    /** Fields to {@code $set}; empty when these events change none. */
    Document fieldsFor(List<?> payloads);
}
