package fr.convergence.pathway.store.upcasting;

import fr.convergence.pathway.domain.event.WeeklyHoursChanged;

/**
 * WeeklyHoursChanged 1 → 2: adds {@code programme}, explicitly null because revision 1 did not record it.
 * One upcaster per step; the JSON fixtures of both revisions are in src/test/resources/events.
 */
public class WeeklyHoursChangedUpcaster extends FieldAddedUpcaster {

    public WeeklyHoursChangedUpcaster() {
        super(WeeklyHoursChanged.class, "1", "2", "programme");
    }
}
