package fr.convergence.pathway.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.convergence.pathway.domain.*;
import fr.convergence.pathway.domain.event.*;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedObject;
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
 * regenerated, must still deserialize to the same event: a field renamed or retyped without an upcaster fails
 * here. When an event gets revision 2, add its fixtures under events/v2 and one upcaster per step (1 → 2).
 */
class EventRevisionFixturesTest {

    static final LocalDate D = LocalDate.of(2026, 1, 5);
    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).build();

    static Stream<Arguments> revisionOne() {
        return Stream.of(
                Arguments.of(new ParticipantHired("pw-1", D, "PSN-1", "paris", "aci-1", Programme.PHC, LocalDate.of(2026, 7, 4), 4, false)),
                Arguments.of(new WeeklyHoursChanged("pw-1", LocalDate.of(2026, 2, 2), 4, 6)),
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
                Arguments.of(new ParticipantExited("pw-1", LocalDate.of(2027, 1, 15), "CDI", ExitCategory.DURABLE_EMPLOYMENT, 12)),
                Arguments.of(new FollowUpStarted("pw-1", LocalDate.of(2027, 1, 15))),
                Arguments.of(new FollowUpEnded("pw-1", LocalDate.of(2027, 7, 15))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revisionOne")
    void revisionOneFixtureStillReadsAsTheSameEvent(PathwayEvent expected) throws IOException {
        Class<?> type = expected.getClass();
        assertThat(type.getAnnotation(Revision.class).value()).isEqualTo("1");
        String fixture;
        try (InputStream in = getClass().getResourceAsStream("/events/v1/" + type.getSimpleName() + ".json")) {
            assertThat(in).as("fixture for " + type.getSimpleName()).isNotNull();
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Object read = SERIALIZER.deserialize(new SimpleSerializedObject<>(fixture, String.class, type.getName(), "1"));
        assertThat(read).isEqualTo(expected);
    }
}
