package fr.convergence.workspace.audit;

import fr.convergence.workspace.web.Labels;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Each pathway as it stood at the end of a past day (pathway-service replays its events up to that day). */
record AsOfState(String pathwayId, String aci, String programme, String status, String startedOn, String plannedEnd,
                 String weeklyHours, String months, List<String> openBarriers) {

    static List<AsOfState> of(JsonNode answer, Labels labels) {
        List<AsOfState> states = new ArrayList<>();
        for (JsonNode p : answer.path("pathways")) {
            List<String> barriers = new ArrayList<>();
            for (Map.Entry<String, JsonNode> b : p.path("openBarriers").properties()) {
                barriers.add(labels.barrier(b.getKey()) + " (" + labels.handling(b.getValue().path("handling").asString(null))
                        .toLowerCase(java.util.Locale.FRENCH) + ")");
            }
            states.add(new AsOfState(p.path("pathwayId").asString(""), labels.aci(p.path("aciId").asString(null)),
                    labels.programme(p.path("programme").asString(null)), labels.status(p.path("status").asString(null)),
                    labels.date(p.path("startedOn").asString(null)), labels.date(p.path("plannedEnd").asString(null)),
                    p.hasNonNull("weeklyHours") ? labels.hours(p.path("weeklyHours").asDouble()) : "",
                    p.hasNonNull("monthsInPathway") ? p.path("monthsInPathway").asInt() + " mois" : "", barriers));
        }
        return states;
    }
}
