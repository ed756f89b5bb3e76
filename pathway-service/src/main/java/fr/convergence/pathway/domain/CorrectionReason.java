package fr.convergence.pathway.domain;

/** Why a recorded fact is corrected, coded: a correction never carries free text to the event stream. */
public enum CorrectionReason {
    DATA_ENTRY_ERROR, LATE_INFORMATION, DOCUMENT_RECEIVED, WRONG_PATHWAY, EXIT_DID_NOT_HAPPEN, OTHER
}
