package fr.convergence.deploy.demo;

import java.time.LocalDate;
import java.util.Random;

/**
 * The partner side of the demo (partnership-service): each territory's network, and referrals for barriers that
 * a partner handles. Filled in once the partnership API settles; until then it does nothing.
 */
final class PartnerNetwork {

    private final ApiClient api;

    PartnerNetwork(ApiClient api) {
        this.api = api;
    }

    void ensure(String territory) {
        // partners of the territory are created here
    }

    /** Returns the number of API calls made. */
    int refer(String territory, String participantId, String barrierDomain, LocalDate since, Random random) {
        return 0;
    }
}
