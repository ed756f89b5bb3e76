package fr.convergence.participant.reference;

import fr.convergence.participant.domain.Aci;
import fr.convergence.participant.domain.Programme;
import fr.convergence.participant.domain.AciContact;
import fr.convergence.participant.domain.Siret;
import fr.convergence.kit.problem.StateConflict;
import fr.convergence.participant.domain.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * First-start reference data, read from {@code reference/seed-territories.json} (data, not code: the figures are
 * to be confirmed and territories join over time). Loaded only when the territories collection is empty, so a
 * restart, or a territory deliberately changed through the API, is never overwritten; two instances starting
 * together are safe because a territory's insert fails on its existing {@code _id}.
 */
public class ReferenceSeeder {

    private static final Logger log = LoggerFactory.getLogger(ReferenceSeeder.class);
    public static final String SEED = "reference/seed-territories.json";
    static final String SYSTEM_ACTOR = "system-seed";

    private final ReferenceStore store;
    private final ReferenceService service;

    public ReferenceSeeder(ReferenceStore store, ReferenceService service) {
        this.store = store;
        this.service = service;
    }

    /** Returns how many territories were created (0 when reference data already existed). */
    public int seedIfEmpty() {
        if (!store.isEmpty()) {
            return 0;
        }
        int created = 0;
        for (Territory territory : load()) {
            try {
                service.create(territory, SYSTEM_ACTOR);
                created++;
            } catch (StateConflict alreadyThere) {
                // another instance seeded it first
            }
        }
        log.info("reference data: seeded {} territories", created);
        return created;
    }

    static List<Territory> load() {
        try (InputStream in = ReferenceSeeder.class.getClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SEED);
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            List<Territory> territories = new ArrayList<>();
            for (JsonNode t : root.get("territories")) {
                List<Aci> acis = new ArrayList<>();
                for (JsonNode a : t.get("acis")) {
                    Set<Programme> programmes = new java.util.HashSet<>();
                    a.get("programmes").forEach(p -> programmes.add(Programme.valueOf(p.asString())));
                    acis.add(new Aci(a.get("id").asString(), a.get("name").asString(),
                            new Siret(a.get("siret").asString()), programmes, a.get("localCoordination").asBoolean(),
                            date(a, "joinedOn"), date(a, "leftOn"),
                            new AciContact(text(a, "contactEmail"), text(a, "contactPhone"))));
                }
                territories.add(new Territory(t.get("code").asString(), t.get("name").asString(), acis, acis.size()));
            }
            return territories;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode aci, String field) {
        JsonNode v = aci.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static LocalDate date(JsonNode aci, String field) {
        String v = text(aci, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
