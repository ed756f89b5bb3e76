package fr.convergence.reporting.store;

/**
 * One complete set of projection collections. A rebuild fills generation n+1 while n answers, then the
 * {@code active-generation} pointer moves; the names carry the number so that both coexist.
 */
public record Generation(int number) {

    public String pathways() {
        return "g" + number + "_pathways";
    }

    public String cells() {
        return "g" + number + "_cells";
    }

    public String parked() {
        return "g" + number + "_parked";
    }

    public String referrals() {
        return "g" + number + "_referrals";
    }

    /** Reference data from the participant stream: territories (code, name). */
    public String territories() {
        return "g" + number + "_territories";
    }

    /** Reference data from the participant stream: ACI (name, territory, programme dates). */
    public String acis() {
        return "g" + number + "_acis";
    }

    /** Age band per participant (pseudonymous id), from the participant stream. */
    public String participants() {
        return "g" + number + "_participants";
    }
}
