package fr.convergence.kit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServedTerritoriesTest {

    @Test
    void aListedSetServesExactlyItsListAndIgnoresATerritoryOpenedLater() {
        ServedTerritories listed = new ServedTerritories("paris", "paris, lyon");
        List<String> started = new ArrayList<>();
        listed.whenServed(started::add);

        assertThat(listed.learn("brest")).isFalse();

        assertThat(listed.growing()).isFalse();
        assertThat(listed.all()).containsExactly("lyon", "paris");
        assertThat(listed.serves("brest")).isFalse();
        assertThat(started).containsExactly("lyon", "paris");
    }

    @Test
    void withoutAListTheHomeTerritoryIsServed() {
        assertThat(new ServedTerritories("rouen", "").all()).containsExactly("rouen");
        assertThat(new ServedTerritories("rouen", null).all()).containsExactly("rouen");
    }

    @Test
    void everyTerritoryStartsEmptyAndServesEachOpenedTerritoryOnceToEveryListener() {
        ServedTerritories every = new ServedTerritories("paris", "*");
        List<String> early = new ArrayList<>();
        every.whenServed(early::add);

        assertThat(every.learn("paris")).isTrue();
        assertThat(every.learn("brest")).isTrue();
        assertThat(every.learn("brest")).isFalse();   // read again after a restart or a redelivery
        List<String> late = new ArrayList<>();
        every.whenServed(late::add);                   // registered after: told of what is served already
        every.learn("quimper");

        assertThat(every.growing()).isTrue();
        assertThat(every.all()).containsExactly("brest", "paris", "quimper");
        assertThat(early).containsExactly("paris", "brest", "quimper");
        assertThat(late).containsExactly("brest", "paris", "quimper");
    }

    @Test
    void aTerritoryCodeOutsideTheContractIsNeverServed() {
        ServedTerritories every = new ServedTerritories("paris", "*");

        assertThat(every.learn("Brest Métropole")).isFalse();
        assertThat(every.learn(null)).isFalse();
        assertThat(every.all()).isEmpty();
    }

    @Test
    void everyTerritoryIsGivenAlone() {
        assertThatThrownBy(() -> new ServedTerritories("paris", "paris,*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'*'");
    }
}
