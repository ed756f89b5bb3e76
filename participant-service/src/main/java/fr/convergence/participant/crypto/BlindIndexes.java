package fr.convergence.participant.crypto;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link BlindIndex} per territory, its secret kept in the key vault under {@code blind-index:<territory>}
 * and created the first time a territory is used (territories join while the service runs). Per-territory
 * secrets mean a leaked secret exposes one territory's hashes, never the whole programme's.
 */
public class BlindIndexes {

    private final KeyVault vault;
    private final Map<String, BlindIndex> byTerritory = new ConcurrentHashMap<>();

    public BlindIndexes(KeyVault vault) {
        this.vault = vault;
    }

    public BlindIndex forTerritory(String territory) {
        return byTerritory.computeIfAbsent(territory, t -> new BlindIndex(vault.getOrCreate("blind-index:" + t)));
    }
}
