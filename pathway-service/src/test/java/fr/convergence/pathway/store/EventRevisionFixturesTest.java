package fr.convergence.pathway.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.convergence.pathway.domain.*;
import fr.convergence.pathway.domain.event.*;
import org.axonframework.serialization.Revision;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import fr.convergence.pathway.store.upcasting.WeeklyHoursChangedUpcaster;
import org.junit.jupiter.api.Test;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events are read back forever. One JSON fixture per event type and revision, written once and never
 * regenerated, must still read — through the upcaster chain, as the storage engine reads it — as the expected
 * current event: a field renamed or retyped without an upcaster fails here. WeeklyHoursChanged shows the pattern:
 * revision 2 added the programme, its fixture is under events/v2, and one upcaster (1 → 2) reads revision 1.
 */
class EventRevisionFixturesTest {

    static final LocalDate D = LocalDate.of(2026, 1, 5);
    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).build();

    static Stream<Arguments> revisionOne() {
        return Stream.of(
                Arguments.of(new ParticipantHired("pw-1", D, "PSN-1", "paris", "aci-1", Programme.PHC, LocalDate.of(2026, 7, 4), 4, false)),
                Arguments.of(new WeeklyHoursChanged("pw-1", LocalDate.of(2026, 2, 2), 4, 6, null)), // upcast 1 → 2
                Arguments.of(new ProgrammeTransitioned("pw-1", LocalDate.of(2026, 5, 4), Programme.PHC, Programme.CVG, LocalDate.of(2028, 5, 3), 24, false)),
                Arguments.of(new PathwayExtended("pw-1", LocalDate.of(2028, 3, 1), LocalDate.of(2028, 5, 3), LocalDate.of(2029, 5, 3), ExtensionReason.PARTICULARLY_SIGNIFICANT_DIFFICULTIES, "DEC-1")),
                Arguments.of(new BarrierAssessed("pw-1", LocalDate.of(2026, 1, 12), BarrierDomain.HOUSING, Intensity.HIGH, Handling.PARTNER)),
                Arguments.of(new BarrierLifted("pw-1", LocalDate.of(2026, 9, 1), BarrierDomain.HOUSING)),
                Arguments.of(new HousingSecured("pw-1", LocalDate.of(2026, 9, 1), HousingKind.DURABLE_HOUSING)),
                Arguments.of(new HealthCareAccessed("pw-1", LocalDate.of(2026, 3, 1))),
                Arguments.of(new RightsOpened("pw-1", LocalDate.of(2026, 3, 2), RightKind.CSS)),
                Arguments.of(new TrainingStarted("pw-1", LocalDate.of(2026, 4, 1), "caces", true)),
                Arguments.of(new TrainingCompleted("pw-1", LocalDate.of(2026, 6, 1), "caces", true)),
                Arguments.of(new ImmersionDone("pw-1", LocalDate.of(2026, 6, 10), 5)),
                Arguments.of(new MonthlyHoursReported("pw-1", LocalDate.of(2026, 2, 1), "2026-02", 24.5)),
                Arguments.of(new ParticipantExited("pw-1", LocalDate.of(2027, 1, 15), "CDI", ExitCategory.DURABLE_EMPLOYMENT, 12, null)), // upcast 1 → 2
                Arguments.of(new EntryProfileRecorded("pw-1", D, HousingSituation.STREET, DurationBand.YEARS_2_TO_5, ReferralSource.STREET_OUTREACH, HealthCover.NONE, java.util.List.of(RightKind.RSA), DurationBand.OVER_5_YEARS, null, null)),
                Arguments.of(new AccompanimentRecorded("pw-1", LocalDate.of(2026, 1, 20), AccompanimentKind.VISIT_MEDICAL, SessionLength.HALF_DAY, java.util.List.of(SupportRole.PARTICIPANT, SupportRole.CIP))),
                Arguments.of(new HousingSituationChanged("pw-1", LocalDate.of(2026, 3, 10), HousingSituation.STREET, HousingSituation.EMERGENCY_SHELTER)),
                Arguments.of(new FollowUpContactRecorded("pw-1", LocalDate.of(2027, 7, 14), 6, EmploymentSituation.CDI, HousingSituation.DURABLE_HOUSING, null)),
                Arguments.of(new EventDateCorrected("pw-1", LocalDate.of(2026, 2, 1), 3, "RightsOpened", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 2, 27), CorrectionReason.DATA_ENTRY_ERROR)),
                Arguments.of(new ExitCancelled("pw-1", LocalDate.of(2027, 1, 20), 14, LocalDate.of(2027, 1, 15), CorrectionReason.EXIT_DID_NOT_HAPPEN)),
                Arguments.of(new FollowUpStarted("pw-1", LocalDate.of(2027, 1, 15))),
                Arguments.of(new FollowUpEnded("pw-1", LocalDate.of(2027, 7, 15))),
                Arguments.of(new PathwayTransferred("pw-1", LocalDate.of(2026, 6, 1), "aci-1", "aci-2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revisionOne")
    void revisionOneFixtureStillReadsThroughTheUpcasters(PathwayEvent expected) throws IOException {
        assertThat(read("v1", expected.getClass(), "1")).isEqualTo(expected);
    }

    @Test
    void revisionTwoOfWeeklyHoursChangedCarriesTheProgramme() throws IOException {
        assertThat(WeeklyHoursChanged.class.getAnnotation(Revision.class).value()).isEqualTo("2");
        assertThat(read("v2", WeeklyHoursChanged.class, "2"))
                .isEqualTo(new WeeklyHoursChanged("pw-1", LocalDate.of(2026, 2, 2), 4, 6, Programme.PHC));
    }

    @Test
    void revisionTwoOfParticipantExitedCarriesTheHousingAtExit() throws IOException {
        assertThat(ParticipantExited.class.getAnnotation(Revision.class).value()).isEqualTo("2");
        assertThat(read("v2", ParticipantExited.class, "2")).isEqualTo(new ParticipantExited("pw-1",
                LocalDate.of(2027, 1, 15), "CDI", ExitCategory.DURABLE_EMPLOYMENT, 12, HousingSituation.SOCIAL_RESIDENCE));
    }

    @Test
    void everyOtherEventIsStillAtRevisionOne() {
        revisionOne().map(a -> a.get()[0].getClass())
                .filter(c -> c != WeeklyHoursChanged.class && c != ParticipantExited.class)
                .forEach(c -> assertThat(c.getAnnotation(Revision.class).value()).as(c.getSimpleName()).isEqualTo("1"));
    }

    /** Reads a stored fixture the way the storage engine does: as event data, through the upcaster chain. */
    private Object read(String folder, Class<?> type, String revision) throws IOException {
        String fixture;
        try (InputStream in = getClass().getResourceAsStream("/events/" + folder + "/" + type.getSimpleName() + ".json")) {
            assertThat(in).as("fixture for " + type.getSimpleName()).isNotNull();
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>("Pathway", "pw-1", 0, "e-1",
                "2026-01-05T10:00:00Z", type.getName(), revision, fixture, "{}");
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), SERIALIZER,
                new EventUpcasterChain(new WeeklyHoursChangedUpcaster(),
                        new fr.convergence.pathway.store.upcasting.ParticipantExitedUpcaster())).next().getPayload();
    }
}
