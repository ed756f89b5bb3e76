package fr.convergence.reporting.indicators;

import java.util.List;

/** Where the funding agreements' targets are kept; the reports read them through this, whatever stores them. */
public interface TargetSource {

    /** Every target of exactly this scope (national when both null), whatever its period. */
    List<Target> ofScope(String territory, String aciId);
}
