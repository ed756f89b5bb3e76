package fr.convergence.reporting.store;

import fr.convergence.reporting.indicators.Contribution;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written mapping of a {@link Contribution}: a national view reads every share of every cell, so this is
 * the hottest read path; only non-zero fields are stored, which keeps cell documents small.
 */
final class ContributionCodec {

    private ContributionCodec() {
    }

    static Document write(Contribution c) {
        Document d = new Document();
        putInt(d, "entered", c.entered());
        putInt(d, "exited", c.exited());
        putInt(d, "transitionIn", c.transitionIn());
        putInt(d, "transitionOut", c.transitionOut());
        putInt(d, "movedIn", c.movedIn());
        putInt(d, "movedOut", c.movedOut());
        if (c.exitCategory() != null) {
            d.append("exitCategory", c.exitCategory());
        }
        if (c.exitReason() != null) {
            d.append("exitReason", c.exitReason());
        }
        if (c.monthsInPathway() != null) {
            d.append("monthsInPathway", c.monthsInPathway());
        }
        putInt(d, "durableHousing", c.durableHousing());
        putInt(d, "healthCare", c.healthCare());
        putInt(d, "rightsOpened", c.rightsOpened());
        putInt(d, "trainingStarted", c.trainingStarted());
        putInt(d, "trainingCompleted", c.trainingCompleted());
        putInt(d, "barrierPeople", c.barrierPeople());
        putInt(d, "barrierInternal", c.barrierInternal());
        putInt(d, "barrierPartner", c.barrierPartner());
        if (!c.barrierDomains().isEmpty()) {
            d.append("barrierDomains", c.barrierDomains());
        }
        if (c.hoursWorked() != 0) {
            d.append("hoursWorked", c.hoursWorked());
        }
        if (!c.phcTrajectory().isEmpty()) {
            d.append("phcTrajectory", c.phcTrajectory());
        }
        if (c.currentPhcHours() != null) {
            d.append("currentPhcHours", c.currentPhcHours());
        }
        if (!c.support().isEmpty()) {
            d.append("s", write(c.support()));
        }
        return d;
    }

    static Contribution read(Document d) {
        return new Contribution(i(d, "entered"), i(d, "exited"), i(d, "transitionIn"), i(d, "transitionOut"),
                d.getString("exitCategory"), d.getString("exitReason"),
                d.get("monthsInPathway") == null ? null : ((Number) d.get("monthsInPathway")).intValue(),
                i(d, "durableHousing"), i(d, "healthCare"), i(d, "rightsOpened"), i(d, "trainingStarted"),
                i(d, "trainingCompleted"), i(d, "barrierPeople"), i(d, "barrierInternal"), i(d, "barrierPartner"),
                strings(d.get("barrierDomains")),
                d.get("hoursWorked") == null ? 0 : ((Number) d.get("hoursWorked")).doubleValue(),
                doubles(d.get("phcTrajectory")),
                d.get("currentPhcHours") == null ? null : ((Number) d.get("currentPhcHours")).doubleValue(),
                i(d, "movedIn"), i(d, "movedOut"), readSupport(d.get("s", Document.class)));
    }

    /** Issue 18's part of a share, under {@code s}, non-empty fields only (absent in shares written before it). */
    private static Document write(Contribution.Support s) {
        Document d = new Document();
        if (s.entryHousing() != null) {
            d.append("entryHousing", s.entryHousing());
        }
        putInt(d, "interviews", s.interviews());
        putInt(d, "accompaniedVisits", s.accompaniedVisits());
        putInt(d, "caseConferences", s.caseConferences());
        if (s.housingAtExit() != null) {
            d.append("housingAtExit", s.housingAtExit());
        }
        if (s.followUp6() != null) {
            d.append("followUp6", new Document("employment", s.followUp6().employment())
                    .append("housing", s.followUp6().housing()));
        }
        if (s.followUp12() != null) {
            d.append("followUp12", new Document("employment", s.followUp12().employment())
                    .append("housing", s.followUp12().housing()));
        }
        if (!s.barriersLifted().isEmpty()) {
            d.append("barriersLifted", s.barriersLifted());
        }
        putInt(d, "extensions", s.extensions());
        putInt(d, "immersions", s.immersions());
        if (s.immersionDays() != 0) {
            d.append("immersionDays", s.immersionDays());
        }
        return d;
    }

    private static Contribution.Support readSupport(Document d) {
        if (d == null) {
            return Contribution.Support.NONE;
        }
        return new Contribution.Support(d.getString("entryHousing"), i(d, "interviews"), i(d, "accompaniedVisits"),
                i(d, "caseConferences"), d.getString("housingAtExit"), contact(d.get("followUp6", Document.class)),
                contact(d.get("followUp12", Document.class)), strings(d.get("barriersLifted")), i(d, "extensions"),
                i(d, "immersions"), d.get("immersionDays") == null ? 0 : ((Number) d.get("immersionDays")).doubleValue());
    }

    private static Contribution.Contact contact(Document d) {
        return d == null ? null : new Contribution.Contact(d.getString("employment"), d.getString("housing"));
    }

    private static void putInt(Document d, String field, int value) {
        if (value != 0) {
            d.append(field, value);
        }
    }

    private static int i(Document d, String field) {
        Object v = d.get(field);
        return v == null ? 0 : ((Number) v).intValue();
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(list.size());
        list.forEach(v -> out.add(v.toString()));
        return out;
    }

    private static List<Double> doubles(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Double> out = new ArrayList<>(list.size());
        list.forEach(v -> out.add(((Number) v).doubleValue()));
        return out;
    }
}
